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


def wait(driver, condition):
    """Waits (up to 15 s) for a browser page condition, riding out page loads in between."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(condition)


def check(condition, message):
    """Fails the test with `message`, or prints it as passed."""
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}")


def browser_login(driver, base, user, password):
    """Logs in through the login form and waits for the page after it."""
    from selenium.webdriver.common.by import By
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    wait(driver, lambda d: "/login" not in d.current_url)

