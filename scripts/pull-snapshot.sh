#!/usr/bin/env bash
# Downloads the latest Feeds partner snapshot and verifies every file against its manifest (size and SHA-256).
#
#   scripts/pull-snapshot.sh BASE_URL [DEST_DIR]
#     BASE_URL   the API host, e.g. https://<app>.azurewebsites.net or http://127.0.0.1:7071 (local host)
#     DEST_DIR   where to put the files (default ./snapshots); files land under DEST_DIR/{date}/{runId}/
#   FEEDS_FUNCTION_KEY   your partner function key (needed in Azure; the local host needs none)
#
# Needs bash, curl, sha256sum, and jq or python3 to read JSON. Exits non-zero if anything is missing or differs;
# a run folder is marked verified (a .verified file) only when every file matched.
set -euo pipefail

base="${1:?usage: pull-snapshot.sh BASE_URL [DEST_DIR]}"
dest="${2:-snapshots}"
key="${FEEDS_FUNCTION_KEY:-}"

fail() { echo "pull-snapshot: $*" >&2; exit 1; }

# JSON → tab-separated lines: jq when present, else python3.
if command -v jq >/dev/null 2>&1 && [[ "${FEEDS_JSON_TOOL:-}" != python3 ]]; then
  links_manifest() { jq -r '.manifest | [.path, .url] | @tsv'; }
  links_files() { jq -r '.files[] | [.path, .url] | @tsv'; }
  manifest_files() { jq -r '.files[] | [.path, (.bytes | tostring), .sha256] | @tsv'; }
elif command -v python3 >/dev/null 2>&1; then
  py() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
  links_manifest() { py 'print(d["manifest"]["path"] + "\t" + d["manifest"]["url"])'; }
  links_files() { py '[print(f["path"] + "\t" + f["url"]) for f in d["files"]]'; }
  manifest_files() { py '[print(f["path"] + "\t" + str(f["bytes"]) + "\t" + f["sha256"]) for f in d["files"]]'; }
else
  fail "needs jq or python3 to read JSON"
fi

curl_get() { curl --fail --silent --show-error --location --retry 3 "$@"; }

headers=()
[[ -n "$key" ]] && headers=(-H "x-functions-key: $key")
links="$(curl_get "${headers[@]}" "${base%/}/api/snapshots/latest/links")" || fail "could not get the links from $base"

IFS=$'\t' read -r manifest_path manifest_url < <(printf '%s' "$links" | links_manifest)
[[ -n "$manifest_path" && "$manifest_path" != */../* ]] || fail "no manifest in the links response"
mkdir -p "$dest/$(dirname "$manifest_path")"
curl_get -o "$dest/$manifest_path" "$manifest_url" || fail "could not download $manifest_path"

declare -A url_of=()
while IFS=$'\t' read -r path url; do url_of["$path"]="$url"; done < <(printf '%s' "$links" | links_files)

count=0
while IFS=$'\t' read -r path bytes sha256; do
  [[ "$path" != *..* ]] || fail "unexpected path $path"
  url="${url_of[$path]:-}"
  [[ -n "$url" ]] || fail "no link for $path"
  target="$dest/$path"
  curl_get -o "$target" "$url" || fail "could not download $path"
  actual_bytes="$(wc -c < "$target" | tr -d ' ')"
  [[ "$actual_bytes" == "$bytes" ]] || fail "$path: $actual_bytes bytes, the manifest says $bytes"
  actual_sha="$(sha256sum "$target" | cut -d' ' -f1)"
  [[ "$actual_sha" == "$sha256" ]] || fail "$path: SHA-256 $actual_sha, the manifest says $sha256"
  echo "ok  $path  $bytes bytes  sha256 $sha256"
  count=$((count + 1))
done < <(manifest_files < "$dest/$manifest_path")

[[ "$count" -gt 0 ]] || fail "the manifest lists no files"
folder="$(dirname "$manifest_path")"
touch "$dest/$folder/.verified"
echo "verified $count files of $folder into $dest/$folder"
