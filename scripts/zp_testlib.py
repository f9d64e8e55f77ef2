"""Helpers shared by the Python test and benchmark drivers in scripts/ (test tooling only)."""
import socket
import time
import urllib.request


def free_port():
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=120):
    """Waits until `url` answers 200 (the server is up), or exits."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {url} within {seconds}s")


def iso(ts):
    """Unix seconds as RFC 3339 in China Standard Time."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(ts + 8 * 3600))


def start_demo(binary, db, port):
    """Starts `zeropark demo` on a new database and returns (process, the admin's API key it prints once)."""
    import subprocess
    demo = subprocess.Popen([binary, "demo", "--db", db, "--port", str(port), "--examples", "examples"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    key = None
    for line in demo.stdout:
        if "API key for admin" in line:
            key = line.split(":", 1)[1].strip()
            break
    wait_for(f"http://127.0.0.1:{port}/healthz")
    if not key:
        demo.kill()
        raise SystemExit("the demo printed no API key")
    return demo, key
