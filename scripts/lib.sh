# Shared by the scripts: finds the Swift toolchain and installs missing Debian packages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "error: the Swift 6 toolchain is required (swift not found)" >&2; exit 1; }

# ensure_packages [PKG...] — installs the Debian packages that are missing, always with the build's own
# system-library targets, found with pkg-config: COIN-OR Clp (the dispatch LP's solver), libqrencode
# (certificates' QR codes) and libxlsxwriter (the report's workbook).
ensure_packages() {
  local missing=()
  for pkg in "$@" coinor-libclp-dev libqrencode-dev libxlsxwriter-dev pkg-config; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# start_mosquitto DIR PORT — starts the Debian mosquitto broker with config/mosquitto.conf (loopback
# listener on PORT, persistence in DIR) in the background; sets MOSQUITTO_PID. Waits until it listens.
start_mosquitto() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  sed -e "s|@MQTT_PORT@|$port|g" -e "s|@MOSQUITTO_DATA_DIR@|$dir/|g" "$ROOT/config/mosquitto.conf" > "$dir/mosquitto.conf"
  # mosquitto drops privileges to the `mosquitto` user when started as root: let it write its folder.
  if [ "$(id -u)" -eq 0 ] && id mosquitto >/dev/null 2>&1; then chown -R mosquitto "$dir"; fi
  /usr/sbin/mosquitto -c "$dir/mosquitto.conf" &
  MOSQUITTO_PID=$!
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "error: mosquitto did not start on port $port (see $dir/mosquitto.log)" >&2
  return 1
}
