# Shared settings and helpers of the sandbox harness; sourced by `up`, `exec` and `down`.
#
# The sandbox is a real systemd 252 (Debian 12) booted by systemd-nspawn on an overlay whose lower layer is a
# cached debootstrap image that is never written to. systemd must never boot on the host's own root: its
# tmpfiles and sysinit units would act on the host (they wipe the host's /tmp), hence the overlay and nspawn.
# The host's PID 1 is not systemd here (no machined, cgroup v1+v2 hybrid), which explains --register=no,
# --keep-unit, the per-instance cgroup and the private tmpfs on /run/systemd/nspawn below.
#
# Settings (environment, all optional):
#   MODSVC_SANDBOX_CACHE   image and .deb cache            (default /var/cache/modsvc-sandbox)
#   MODSVC_SANDBOX_STATE   instances and logs              (default /var/lib/modsvc-sandbox)
#   MODSVC_SANDBOX_NAME    instance name; different names run side by side (default modsvc)
#   MODSVC_SANDBOX_USER / MODSVC_SANDBOX_UID   the lingering unprivileged user (default tester / 1000)
#   MODSVC_SANDBOX_MIRROR  Debian mirror for debootstrap   (default http://deb.debian.org/debian)
#   MODSVC_SANDBOX_JDK     host JDK tree bound read-only at the same path (default /usr/lib/jvm)
#   MODSVC_SANDBOX_HOST_JAVA  1: bind that tree and /etc/java-*-openjdk over the image's own Debian JRE (default);
#                          0: the container runs the image's Java runtime (PackageTest, which installs the .deb)
#   MODSVC_SANDBOX_REPO    host directory bound read-only at /opt/modsvc (default: this repository)
#   MODSVC_SANDBOX_BOOT_TIMEOUT / MODSVC_SANDBOX_STOP_TIMEOUT   seconds (default 90 / 30)

set -euo pipefail

SANDBOX_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${MODSVC_SANDBOX_CACHE:=/var/cache/modsvc-sandbox}"
: "${MODSVC_SANDBOX_STATE:=/var/lib/modsvc-sandbox}"
: "${MODSVC_SANDBOX_NAME:=modsvc}"
: "${MODSVC_SANDBOX_USER:=tester}"
: "${MODSVC_SANDBOX_UID:=1000}"
: "${MODSVC_SANDBOX_MIRROR:=http://deb.debian.org/debian}"
: "${MODSVC_SANDBOX_JDK:=/usr/lib/jvm}"
: "${MODSVC_SANDBOX_HOST_JAVA:=1}"
: "${MODSVC_SANDBOX_REPO:=$(cd "$SANDBOX_DIR/../.." && pwd)}"
: "${MODSVC_SANDBOX_BOOT_TIMEOUT:=90}"
: "${MODSVC_SANDBOX_STOP_TIMEOUT:=30}"

SUITE=bookworm
# The image's cache key names this list (up: prepare_image), so an image with other packages is built beside the
# old one, which sandboxes of older checkouts keep using. default-jre-headless (Debian's Java runtime), man-db and
# bash-completion are for PackageTest, which installs the agent's .deb as a host would.
PACKAGES=systemd,systemd-sysv,dbus,dbus-user-session,libpam-systemd,libnss-systemd,procps,default-jre-headless,man-db,bash-completion
INSTANCE_DIR="$MODSVC_SANDBOX_STATE/instances/$MODSVC_SANDBOX_NAME"
CGROUP_NAME="modsvc-sandbox-$MODSVC_SANDBOX_NAME"
CGROUP_DIRS=("/sys/fs/cgroup/systemd/$CGROUP_NAME" "/sys/fs/cgroup/unified/$CGROUP_NAME")
SYSTEM_BUS_SOCKET="$INSTANCE_DIR/bus/system_bus_socket"
USER_BUS_SOCKET="$INSTANCE_DIR/xchg/user/$MODSVC_SANDBOX_UID/bus"
MANAGER="org.freedesktop.systemd1 /org/freedesktop/systemd1 org.freedesktop.systemd1.Manager"

case "$MODSVC_SANDBOX_NAME" in *[!A-Za-z0-9_-]*|"") echo "bad MODSVC_SANDBOX_NAME: $MODSVC_SANDBOX_NAME" >&2; exit 1;; esac
for dir in "$MODSVC_SANDBOX_CACHE" "$MODSVC_SANDBOX_STATE"; do
  case "$dir" in /*) ;; *) echo "sandbox dirs must be absolute: $dir" >&2; exit 1;; esac
  case "$dir" in *" "*) echo "sandbox dirs must not contain spaces: $dir" >&2; exit 1;; esac
done

log() { echo "sandbox[$MODSVC_SANDBOX_NAME]: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }

require_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (nspawn, overlay mounts, cgroups)"; }

# Field 22 of /proc/PID/stat (start time in clock ticks), or nothing when the process is gone or a zombie.
# The comm field may contain spaces and parentheses, so everything up to the last ')' is cut first.
proc_start_time() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  set -- $stat
  [ "$1" = Z ] && return 0
  echo "${20}"
}

# A recorded "PID STARTTIME" pair still names the same living process (guards against PID reuse).
recorded_alive() {
  local pid=$1 start=$2
  [ -n "$pid" ] && [ -n "$start" ] && [ "$(proc_start_time "$pid")" = "$start" ]
}

cgroup_pids() {
  local dir
  for dir in "${CGROUP_DIRS[@]}"; do
    if [ -d "$dir" ]; then find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null || true; fi
  done | sort -un
}

# The container's PID 1 as seen from the host: the process of our cgroups whose innermost pid namespace id is 1.
find_leader_pid() {
  local pid ns
  for pid in $(cgroup_pids); do
    ns=$(awk '/^NSpid:/ {print $NF}' "/proc/$pid/status" 2>/dev/null || true)
    if [ "$ns" = 1 ] && [ "$(awk '/^NSpid:/ {print NF}' "/proc/$pid/status")" -gt 2 ]; then
      echo "$pid"; return 0
    fi
  done
  return 1
}

bus_property() { # ADDRESS PROPERTY -> value without the type prefix
  busctl --address="$1" --timeout=2 get-property $MANAGER "$2" 2>/dev/null | sed -e 's/^[a-z] //' -e 's/"//g'
}

mounts_under() { # mount points at or below DIR, innermost (most recent) first
  awk -v d="$1" '$5 == d || index($5, d "/") == 1 {print $5}' /proc/self/mountinfo | tac
}

safe_rm_rf() {
  local target=$1
  case "$target" in "$MODSVC_SANDBOX_STATE"/*|"$MODSVC_SANDBOX_CACHE"/*) ;; *) die "refusing to delete $target (outside the sandbox dirs)";; esac
  [ -z "$(mounts_under "$target")" ] || die "refusing to delete $target: still has mounts under it"
  rm -rf --one-file-system "$target"
}
