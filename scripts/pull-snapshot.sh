#!/usr/bin/env bash
# Downloads the latest Feeds partner snapshot and verifies every file against its manifest (size and SHA-256).
#
#   scripts/pull-snapshot.sh [--key-file FILE | --key-stdin] BASE_URL [DEST_DIR]
#     BASE_URL       the API, https://… (plain http only to this machine: http://127.0.0.1:7071, the local host)
#     DEST_DIR       where to put the files (default ./snapshots); files land under DEST_DIR/{date}/{runId}/
#     --key-file F   read your partner function key from the first line of file F (keep it chmod 600)
#     --key-stdin    read the key from the first line of standard input: pass-cli get feeds | pull-snapshot.sh --key-stdin …
#   FEEDS_FUNCTION_KEY_FILE   the same as --key-file. The local host needs no key.
#
# The key never appears on a command line (curl reads it from a pipe, not from its arguments), goes only to BASE_URL,
# and is never re-sent on a redirect: no redirect is followed at all. Only https is spoken, except to a loopback host.
# Paths from the API must have the published shape ({yyyy-MM-dd}/{runId}/manifest.json, and plain file names in that
# folder) and must resolve inside DEST_DIR. Everything is downloaded into a temporary folder inside DEST_DIR and
# verified there; only a complete, verified set replaces DEST_DIR/{date}/{runId}/, which is then marked verified
# (a .verified file). That folder's old marker is removed before anything is downloaded, so a failed pull never
# leaves a marker behind.
#
# Needs bash, curl, sha256sum, realpath, and jq or python3 to read JSON. Exits non-zero if anything is missing,
# malformed or differs.
set -euo pipefail

fail() { echo "pull-snapshot: $*" >&2; exit 1; }
usage="usage: pull-snapshot.sh [--key-file FILE | --key-stdin] BASE_URL [DEST_DIR]"

key_file="${FEEDS_FUNCTION_KEY_FILE:-}"
key_stdin=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --key-file) [[ $# -ge 2 ]] || fail "$usage"; key_file="$2"; shift 2 ;;
    --key-file=*) key_file="${1#--key-file=}"; shift ;;
    --key-stdin) key_stdin=1; shift ;;
    --help|-h) echo "$usage"; exit 0 ;;
    --) shift; break ;;
    -*) fail "unknown option $1; $usage" ;;
    *) break ;;
  esac
done
[[ $# -ge 1 && $# -le 2 ]] || fail "$usage"
base="${1%/}"
dest="${2:-snapshots}"

[[ -z "${FEEDS_FUNCTION_KEY:-}" ]] ||
  fail "FEEDS_FUNCTION_KEY is no longer read (a key in the environment or on a command line leaks to other processes and shell history): use --key-file FILE or --key-stdin"
[[ -z "$key_file" || "$key_stdin" -eq 0 ]] || fail "give the key one way: --key-file or --key-stdin"

key=""
if [[ "$key_stdin" -eq 1 ]]; then
  IFS= read -r key || [[ -n "$key" ]] || fail "--key-stdin: nothing on standard input"
elif [[ -n "$key_file" ]]; then
  [[ -f "$key_file" && -r "$key_file" ]] || fail "cannot read the key file $key_file"
  IFS= read -r key < "$key_file" || [[ -n "$key" ]] || fail "the key file $key_file is empty"
fi
key="${key%$'\r'}"
# Function keys are base64url-like; anything else (quotes, spaces, newlines) is refused rather than passed to curl.
[[ -z "$key" || "$key" =~ ^[A-Za-z0-9_=+/.-]+$ ]] || fail "the key holds characters a function key does not have"

# https only, except to a loopback host (the local host and its Azurite speak plain http on this machine).
is_loopback_http() { [[ "$1" =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost|\[::1\])(:[0-9]+)?(/|$) ]]; }
proto_for() {
  if [[ "$1" =~ ^https://[^/?#@[:space:]\"\\]+(/|$) ]]; then echo "=https"
  elif is_loopback_http "$1"; then echo "=http"
  else return 1
  fi
}
proto_for "$base/" >/dev/null || fail "BASE_URL must be https:// (plain http only to a loopback address); got $base"

# One GET, with curl's options on its standard input so neither the key nor a signed link shows in `ps`. No redirect
# is followed (a 3xx fails), and at most $2 bytes are kept: a larger or endless answer fails.
#   fetch URL MAX_BYTES OUTFILE [with-key]
fetch() {
  local url="$1" max="$2" out="$3" with_key="${4:-}" proto
  proto="$(proto_for "$url")" || fail "refusing a link that is not https (nor http to a loopback host): ${url%%\?*}"
  [[ "$url" =~ ^[^\"\\[:space:][:cntrl:]]+$ ]] || fail "refusing a link with quotes, spaces or control characters"
  local config
  config="url = \"$url\""$'\n'"proto = \"$proto\""$'\n'"fail"$'\n'"silent"$'\n'"show-error"$'\n'"location"$'\n'"max-redirs = 0"$'\n'"retry = 3"$'\n'"connect-timeout = 30"$'\n'"max-time = 1800"
  if [[ "$with_key" == with-key && -n "$key" ]]; then
    config+=$'\n'"header = \"x-functions-key: $key\""
  fi
  local codes
  set +e
  printf '%s\n' "$config" | curl --config - | head -c "$((max + 1))" > "$out"
  codes=("${PIPESTATUS[@]}")
  set -e
  # curl stops with 23 (write error) once head has all it keeps; the size check says whether that was too much.
  [[ "${codes[2]}" -eq 0 && ( "${codes[1]}" -eq 0 || "${codes[1]}" -eq 23 ) ]] || return 1
  [[ "$(wc -c < "$out")" -le "$max" ]] || { echo "pull-snapshot: ${url%%\?*}: more than $max bytes" >&2; return 1; }
}

# JSON → tab-separated lines: jq when present, else python3. A value holding a tab, a newline or another control
# character fails the read (it could forge a line); every field is checked again below.
py_tsv() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
def rows():
    if sys.argv[1] == "links-manifest": yield [d["folder"], d["manifest"]["path"], d["manifest"]["url"]]
    elif sys.argv[1] == "links-files": yield from ([f["path"], f["url"]] for f in d["files"])
    else: yield from ([f["path"], str(f["bytes"]), f["sha256"]] for f in d["files"])
for row in rows():
    row = [v if isinstance(v, str) else json.dumps(v) for v in row]
    if any(c < " " for v in row for c in v): sys.exit("control character in a value")
    print("\t".join(row))
' "$1"
}
if command -v jq >/dev/null 2>&1 && [[ "${FEEDS_JSON_TOOL:-}" != python3 ]]; then
  tsv() {
    case "$1" in
      links-manifest) jq -r '[.folder, .manifest.path, .manifest.url] | @tsv' ;;
      links-files) jq -r '.files[] | [.path, .url] | @tsv' ;;
      manifest-files) jq -r '.files[] | [.path, (.bytes | tostring), .sha256] | @tsv' ;;
    esac
  }
elif command -v python3 >/dev/null 2>&1; then
  tsv() { py_tsv "$1"; }
else
  fail "needs jq or python3 to read JSON"
fi

# The published shapes: {yyyy-MM-dd}/{yyyyMMddTHHmmssfffZ}-{6 hex}/, and plain file names inside that folder.
folder_re='^[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}/$'
name_re='^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'

mkdir -p -- "$dest"
dest_real="$(realpath -e -- "$dest")"
work="$(mktemp -d "$dest_real/.pull-XXXXXXXX")"
trap 'rm -rf -- "$work"' EXIT

fetch "$base/api/snapshots/latest/links" $((16 * 1024 * 1024)) "$work/links.json" with-key ||
  fail "could not get the links from $base"
tsv links-manifest < "$work/links.json" > "$work/links-manifest.tsv" && tsv links-files < "$work/links.json" > "$work/links-files.tsv" ||
  fail "the links response is not what the API sends"
IFS=$'\t' read -r folder manifest_path manifest_url < "$work/links-manifest.tsv" || fail "the links response has no folder or manifest"
[[ "$folder" =~ $folder_re ]] || fail "unexpected folder '$folder' (not {date}/{runId}/)"
[[ "$manifest_path" == "${folder}manifest.json" ]] || fail "unexpected manifest path '$manifest_path'"

# The run folder must resolve inside DEST_DIR (no symlink out of it either).
final="$dest_real/${folder%/}"
final_real="$(realpath -m -- "$final")"
[[ "$final_real" == "$dest_real/${folder%/}" ]] || fail "$folder resolves outside $dest_real"
rm -f -- "$final/.verified"

mkdir -p -- "$work/run"
fetch "$manifest_url" $((16 * 1024 * 1024)) "$work/run/manifest.json" || fail "could not download $manifest_path"
tsv manifest-files < "$work/run/manifest.json" > "$work/manifest-files.tsv" || fail "$manifest_path is not a snapshot manifest"

declare -A url_of=()
while IFS=$'\t' read -r path url; do
  [[ -z "${url_of[$path]+set}" ]] || fail "the links name $path twice"
  url_of["$path"]="$url"
done < "$work/links-files.tsv"

declare -A seen=()
count=0
while IFS=$'\t' read -r path bytes sha256; do
  name="${path#"$folder"}"
  [[ "$path" == "$folder$name" && "$name" =~ $name_re && "$name" != manifest.json ]] ||
    fail "unexpected path '$path' (files must be plain names in $folder)"
  [[ -z "${seen[$name]+set}" ]] || fail "the manifest lists $path twice"
  seen["$name"]=1
  [[ "$bytes" =~ ^[0-9]{1,15}$ ]] || fail "$path: size '$bytes' is not a number"
  [[ "$sha256" =~ ^[0-9a-f]{64}$ ]] || fail "$path: '$sha256' is not a SHA-256"
  url="${url_of[$path]:-}"
  [[ -n "$url" ]] || fail "no link for $path"
  target="$work/run/$name"
  fetch "$url" "$bytes" "$target" || fail "could not download $path"
  actual_bytes="$(wc -c < "$target" | tr -d ' ')"
  [[ "$actual_bytes" == "$bytes" ]] || fail "$path: $actual_bytes bytes, the manifest says $bytes"
  actual_sha="$(sha256sum -- "$target" | cut -d' ' -f1)"
  [[ "$actual_sha" == "$sha256" ]] || fail "$path: SHA-256 $actual_sha, the manifest says $sha256"
  echo "ok  $path  $bytes bytes  sha256 $sha256"
  count=$((count + 1))
done < "$work/manifest-files.tsv"

[[ "$count" -gt 0 ]] || fail "the manifest lists no files"

# Every file verified: only now does the set replace what DEST_DIR held for this run folder.
mkdir -p -- "$(dirname -- "$final")"
[[ ! -e "$final" ]] || mv -T -- "$final" "$work/previous"
mv -T -- "$work/run" "$final"
touch -- "$final/.verified"
echo "verified $count files of $folder into $dest/${folder%/}"
