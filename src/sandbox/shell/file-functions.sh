# The bash side of the file tools: read, write and locate a workspace path from inside the
# sandbox, as the commands' user, so the host never opens a path of the (hostile) checkout.
# In a container a link can only reach the container's own files; the checks below keep the
# tools' rules (no way out of the workspace through a link, no writing through a link) and,
# for the local sandbox, confirm that what was opened is what was checked.
#
# `__ferry_file NONCE PIDFILE OP PATH ARG` runs one operation as a job (killable like a
# command) and ends with the command sentinel. PATH is normalised and relative (the host
# checked it). The reply is a status line, `ok …` or `no PROBLEM [size]`, then for a read the
# bytes. A write's ARG bytes of content follow the line on the shell's stdin.

__ferry_root=$(pwd -P)

# Resolves the relative path $1 from the workspace root: sets __ferry_real (the physical
# path), __ferry_exists and __ferry_linked (a link on the way); refuses a path that leads
# outside the workspace or through a dangling link. Runs with globbing off (set -f).
__ferry_resolve() {
  local IFS=/ part cur=. depth=0 base rest
  local -a parts
  parts=($1)
  __ferry_exists=1 __ferry_linked=0
  for part in "${parts[@]}"; do
    if [ -L "$cur/$part" ]; then __ferry_linked=1
    elif [ ! -e "$cur/$part" ]; then __ferry_exists=0; break; fi
    cur=$cur/$part; depth=$((depth + 1))
  done
  # The x keeps a trailing newline of a name from being stripped with realpath's own.
  if ! base=$(realpath -e -- "$cur" && printf x); then echo "no dangling"; return 1; fi
  base=${base%?x}
  case "$base/" in "$__ferry_root"/*) ;; *) echo "no outside"; return 1 ;; esac
  rest="${parts[*]:depth}"
  if [ -n "$rest" ] && [ ! -d "$base" ]; then echo "no not-directory"; return 1; fi
  __ferry_real=$base${rest:+/$rest}
}

__ferry_link_problem() { if [ -L "./$1" ]; then echo "no link"; else echo "no linked-dir"; fi; }

# Confirms that fd 3 is the regular file $1: the open did not follow a link swapped in
# after the checks. Without /proc (not Linux) there is nothing to ask.
__ferry_opened() {
  local opened
  [ -d /proc/self/fd ] || return 0
  if ! opened=$(readlink /proc/self/fd/3 && printf x) || [ "${opened%?x}" != "$1" ] || [ ! -f /proc/self/fd/3 ]; then
    echo "no changed"; return 1
  fi
}

# One operation, in a job of its own: OP PATH ARG TMP (the write's content).
__ferry_fileop() {
  set -f; umask 022
  local op=$1 path=$2 arg=$3 tmp=$4 f fd3 size created=0
  __ferry_resolve "$path" || return 0
  f=$__ferry_real; fd3=/proc/self/fd/3; [ -d /proc/self/fd ] || fd3=$f
  case $op in
    locate) echo "ok $__ferry_exists" ;;
    read|read-nolinks)
      if [ "$op" = read-nolinks ] && [ "$__ferry_linked" = 1 ]; then __ferry_link_problem "$path"; return 0; fi
      if [ "$__ferry_exists" = 0 ]; then echo "no missing"; return 0; fi
      if [ -d "$f" ]; then echo "no directory"; return 0; fi
      if [ ! -f "$f" ]; then echo "no not-regular"; return 0; fi
      { exec 3< "$f"; } 2>/dev/null || { echo "no unreadable"; return 0; }
      __ferry_opened "$f" || return 0
      size=$(wc -c < "$fd3"); size=$((size))
      if [ "$size" -gt "$arg" ]; then echo "no too-large $size"; return 0; fi
      echo "ok $size"
      head -c "$arg" <&3 ;;
    write)
      if [ "$__ferry_linked" = 1 ]; then __ferry_link_problem "$path"; return 0; fi
      if [ "$__ferry_exists" = 1 ]; then
        if [ -d "$f" ]; then echo "no directory"; return 0; fi
        if [ ! -f "$f" ]; then echo "no not-regular"; return 0; fi
      else
        created=1
        mkdir -p -- "${f%/*}" 2>/dev/null || { echo "no unwritable"; return 0; }
      fi
      # Opened read-write: no truncation before the check, no blocking on a FIFO.
      { exec 3<> "$f"; } 2>/dev/null || { echo "no unwritable"; return 0; }
      __ferry_opened "$f" || return 0
      { : > "$fd3" && cat -- "$tmp" >&3; } 2>/dev/null || { echo "no write-failed"; return 0; }
      echo "ok $created" ;;
  esac
}

__ferry_file() {
  local tmp="" job ec=0
  if [ "$3" = write ]; then
    # The content is taken whole before anything else: left on stdin, the shell would run it.
    # If it cannot be (the disk is full), the shell ends rather than read on.
    tmp=$(mktemp 2>/dev/null)
    head -c "$5" > "${tmp:-/dev/null}"
    if [ -n "$tmp" ] && [ "$(wc -c < "$tmp")" -ne "$5" ]; then exit 1; fi
  fi
  if [ "$3" = write ] && [ -z "$tmp" ]; then
    echo "no no-space"
  else
    __ferry_fileop "$3" "$4" "$5" "$tmp" & job=$!
    echo $job > "$2"; wait $job; ec=$?; kill -KILL -- "-$job" 2>/dev/null; : > "$2"
  fi
  if [ -n "$tmp" ]; then rm -f -- "$tmp"; fi
  printf '\n__FERRY_%s_%s_0__\n' "$1" "$ec"
}
