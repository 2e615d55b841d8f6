#!/bin/sh
# Entrypoint of the reference trivy job image for sbom-operator's job-image
# mode (contract: job-images/SPEC.md, settings: job-images/trivy/README.md).
#
# Reads /sbom/image-config.json, scans every listed image with trivy straight
# from its registry, using that entry's credentials, and delivers each SBOM to
# Dependency-Track (DTRACK_URL + DTRACK_API_KEY) and/or a folder (OUTPUT_DIR).
# Prints one line per image ("ok ..." or "FAILED ..."), removes everything it
# created except the delivered SBOMs, and exits
#   0  every image succeeded (also for an empty list),
#   1  at least one image failed,
#   2  the job is misconfigured (nothing was scanned),
#   143/130 when terminated.
# Needs POSIX sh, jq, curl (only for Dependency-Track) and trivy.

set -u
umask 077

PROG="sbom-job"
CONFIG_FILE="${SBOM_CONFIG_FILE:-/sbom/image-config.json}"
FORMAT="${SBOM_FORMAT:-cyclonedx}"
TRIVY="${TRIVY_BIN:-trivy}"
POD_TAG_LIMIT="${DTRACK_POD_TAG_LIMIT:-10}"
WORK=""
child=""

log() {
	printf '%s: %s\n' "$PROG" "$*" >&2
}

config_error() {
	log "configuration error: $*"
	exit 2
}

cleanup() {
	if [ -n "$child" ]; then
		kill "$child" 2>/dev/null
		wait "$child" 2>/dev/null
	fi
	if [ -n "$WORK" ]; then
		rm -rf "$WORK"
	fi
}

trap cleanup EXIT
trap 'log "terminated"; exit 143' TERM
trap 'log "interrupted"; exit 130' INT HUP

# Runs "$@" as a child the traps can stop (a shell waiting in the
# foreground would only react to SIGTERM after the child ended).
run_child() {
	"$@" &
	child=$!
	wait "$child"
	rc=$?
	child=""
	return "$rc"
}

# Folders for delivered SBOMs are world-readable, unlike the job's own files.
make_shared_dir() {
	(umask 022 && mkdir -p "$1" 2>/dev/null)
}

is_true() {
	case "$1" in
	true | TRUE | True | 1 | yes) return 0 ;;
	false | FALSE | False | 0 | no | "") return 1 ;;
	*) config_error "expected true or false, got '$1'" ;;
	esac
}

# --- settings ---------------------------------------------------------------

if [ "$#" -gt 0 ]; then
	config_error "command-line arguments are not supported ($# given); configure the job with environment variables"
fi

command -v jq >/dev/null 2>&1 || config_error "jq is not installed"
command -v "$TRIVY" >/dev/null 2>&1 || config_error "trivy not found ('$TRIVY'); set TRIVY_BIN"

case "$FORMAT" in
cyclonedx | spdx-json) ;;
*) config_error "SBOM_FORMAT must be cyclonedx or spdx-json, got '$FORMAT'" ;;
esac

# Only the credentials of the entry being scanned may reach trivy.
unset TRIVY_USERNAME TRIVY_PASSWORD TRIVY_REGISTRY_TOKEN

insecure=""
if is_true "${REGISTRY_INSECURE:-false}"; then
	insecure="--insecure"
fi

DTRACK_BASE=""
if [ -n "${DTRACK_URL:-}" ]; then
	[ -n "${DTRACK_API_KEY:-}" ] || config_error "DTRACK_URL is set but DTRACK_API_KEY is empty"
	[ "$FORMAT" = "cyclonedx" ] || config_error "Dependency-Track accepts CycloneDX only; SBOM_FORMAT is '$FORMAT'"
	command -v curl >/dev/null 2>&1 || config_error "curl is not installed"
	if [ -n "${DTRACK_CA_FILE:-}" ] && [ ! -r "$DTRACK_CA_FILE" ]; then
		config_error "DTRACK_CA_FILE '$DTRACK_CA_FILE' is not readable"
	fi
	case "$POD_TAG_LIMIT" in
	'' | *[!0-9]*) config_error "DTRACK_POD_TAG_LIMIT must be a number, got '$POD_TAG_LIMIT'" ;;
	esac
	DTRACK_BASE="${DTRACK_URL%/}"
fi

if [ -n "${OUTPUT_DIR:-}" ]; then
	if ! make_shared_dir "$OUTPUT_DIR" || [ ! -w "$OUTPUT_DIR" ]; then
		config_error "OUTPUT_DIR '$OUTPUT_DIR' is not a writable folder"
	fi
fi

if [ -z "$DTRACK_BASE" ] && [ -z "${OUTPUT_DIR:-}" ]; then
	config_error "no destination: set DTRACK_URL and DTRACK_API_KEY, or OUTPUT_DIR"
fi

if [ -n "${REGISTRY_CA_FILE:-}" ] && [ ! -r "$REGISTRY_CA_FILE" ]; then
	config_error "REGISTRY_CA_FILE '$REGISTRY_CA_FILE' is not readable"
fi

[ -r "$CONFIG_FILE" ] || config_error "cannot read $CONFIG_FILE"
if ! count="$(jq -e 'if type == "array" then length else error("not an array") end' "$CONFIG_FILE" 2>/dev/null)"; then
	config_error "$CONFIG_FILE is not a JSON array"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sbom-job.XXXXXX" 2>/dev/null)" \
	|| config_error "cannot create a folder in ${TMPDIR:-/tmp}"
mkdir "$WORK/cache" "$WORK/tmp"

ca_bundle=""
if [ -n "${REGISTRY_CA_FILE:-}" ]; then
	# SSL_CERT_FILE replaces the system roots for trivy (Go): add the CA to them.
	ca_bundle="$WORK/ca-bundle.pem"
	if [ -r /etc/ssl/certs/ca-certificates.crt ]; then
		cat /etc/ssl/certs/ca-certificates.crt >"$ca_bundle"
	fi
	cat "$REGISTRY_CA_FILE" >>"$ca_bundle"
fi

if [ -n "$DTRACK_BASE" ]; then
	# The key travels in a header file, never on curl's command line.
	printf 'X-Api-Key: %s\n' "$(printf '%s' "$DTRACK_API_KEY" | tr -d '\r\n')" >"$WORK/dtrack-headers"
	unset DTRACK_API_KEY
fi

# --- image references -------------------------------------------------------

# Repository without tag and digest: 127.0.0.1:5000/demo/app@sha256:ab -> 127.0.0.1:5000/demo/app
repository_of() {
	_ref="${1%%@*}"
	case "${_ref##*/}" in
	*:*) _ref="${_ref%:*}" ;;
	esac
	printf '%s' "$_ref"
}

# The tag when the reference carries one, else the digest, else "latest".
version_of() {
	_name="${1%%@*}"
	case "${_name##*/}" in
	*:*) printf '%s' "${_name##*:}"; return ;;
	esac
	case "$1" in
	*@*) printf '%s' "${1#*@}" ;;
	*) printf 'latest' ;;
	esac
}

# Same layout as the operator's git target: '@' -> '/', ':' -> '_'.
output_path_of() {
	printf '%s/%s/sbom.json' "${OUTPUT_DIR%/}" "$(printf '%s' "$1" | tr '@:' '/_')"
}

# --- per image --------------------------------------------------------------

# A reference trivy can take: not empty, no whitespace, not an option.
valid_reference() {
	case "$1" in
	"" | -* | *[[:space:]]*) return 1 ;;
	esac
	return 0
}

entry_field() {
	jq -r --arg k "$1" '.[$k] // "" | if type == "string" then . else tojson end' "$WORK/entry.json"
}

# Runs in a background subshell: the credential exports stay there.
trivy_exec() {
	unset DTRACK_API_KEY
	if [ -n "$reg_user" ]; then export TRIVY_USERNAME="$reg_user"; fi
	if [ -n "$reg_password" ]; then export TRIVY_PASSWORD="$reg_password"; fi
	if [ -n "$ca_bundle" ]; then export SSL_CERT_FILE="$ca_bundle"; fi
	export TMPDIR="$WORK/tmp"
	# shellcheck disable=SC2086 # $insecure is empty or one flag
	exec "$TRIVY" image --quiet --image-src remote --format "$FORMAT" \
		--skip-db-update --skip-java-db-update --offline-scan \
		--cache-dir "$WORK/cache" --output "$WORK/sbom.json" $insecure \
		"$pull_ref" >"$WORK/trivy.log" 2>&1 </dev/null
}

# Last error line of trivy's log, without colours and without the password;
# trivy often fails without a word, then a hint on the usual causes.
trivy_hint() {
	touch "$WORK/trivy.log"
	SBOM_REDACT="$reg_password" awk '
		{ gsub(/\033\[[0-9;]*m/, "") }
		/FATAL|ERROR|[Ee]rror/ { line = $0 }
		END {
			if (line == "") {
				print " (trivy gave no details: check the registry credentials, its CA and that the image exists)"
				exit
			}
			p = ENVIRON["SBOM_REDACT"]
			if (p != "") {
				while ((i = index(line, p)) > 0)
					line = substr(line, 1, i - 1) "***" substr(line, i + length(p))
			}
			print "; trivy: " substr(line, 1, 300)
		}' "$WORK/trivy.log"
}

# Scans $pull_ref into $WORK/sbom.json and sets $components; sets $reason
# and fails otherwise. trivy may fail silently (exit 1, no output), and some
# builds exit 0 without writing: both are failures.
scan() {
	rm -f "$WORK/sbom.json" "$WORK/trivy.log"
	rm -rf "$WORK/tmp" && mkdir "$WORK/tmp"
	run_child trivy_exec
	rc=$?
	if [ "$rc" -ne 0 ]; then
		reason="trivy exited with status $rc while scanning $pull_ref$(trivy_hint)"
		return 1
	fi
	if [ ! -s "$WORK/sbom.json" ]; then
		reason="trivy wrote no SBOM for $pull_ref$(trivy_hint)"
		return 1
	fi
	if [ "$FORMAT" = "cyclonedx" ]; then
		query='if .bomFormat == "CycloneDX" then (.components // []) | length else error("not CycloneDX") end'
	else
		query='if .spdxVersion then (.packages // []) | length else error("not SPDX") end'
	fi
	if ! components="$(jq -e "$query" "$WORK/sbom.json" 2>/dev/null)"; then
		reason="trivy wrote an invalid $FORMAT document for $pull_ref"
		return 1
	fi
	return 0
}

write_output() {
	target="$(output_path_of "$image")"
	case "/$target/" in
	*/../* | */./*)
		reason="${reason}cannot map $image to a file path; "
		return 1
		;;
	esac
	if make_shared_dir "${target%/*}" \
		&& cp "$WORK/sbom.json" "$target.tmp" 2>/dev/null \
		&& chmod 644 "$target.tmp" && mv -f "$target.tmp" "$target"; then
		destinations="$destinations, $target"
		return 0
	fi
	rm -f "$target.tmp"
	reason="${reason}cannot write $target; "
	return 1
}

# Project tags: cluster(s), sbom-operator, namespaces, and up to
# DTRACK_POD_TAG_LIMIT pods. DT takes a comma-separated list of tags of at
# most 255 characters.
dtrack_tags() {
	jq -r --argjson max "$POD_TAG_LIMIT" '
		def clean: gsub("[,\r\n]"; "_") | .[0:255];
		[.pods // [] | .[] | objects] as $pods
		| ([$pods[] | .cluster // empty | strings | select(. != "")] | unique | map("kubernetes-cluster=" + .))
		  + ["sbom-operator"]
		  + ([$pods[] | .namespace // empty | strings | select(. != "")] | unique | map("namespace=" + .))
		  + ([$pods[] | select((.namespace | type) == "string" and (.pod | type) == "string")
		      | "pod=" + .namespace + "/" + .pod] | unique | .[0:$max])
		| map(clean) | join(",")' "$WORK/entry.json"
}

upload_dtrack() {
	project="$(repository_of "$image")"
	project_version="$(version_of "$image")"
	if ! tags="$(dtrack_tags)"; then
		reason="${reason}invalid pods list for Dependency-Track tags; "
		return 1
	fi
	rm -f "$WORK/dtrack-response" "$WORK/dtrack-status" "$WORK/curl.err"
	set -- --silent --show-error --connect-timeout 30 --max-time 300 \
		--header "@$WORK/dtrack-headers" \
		--output "$WORK/dtrack-response" --write-out '%{http_code}' \
		--form-string "autoCreate=true" \
		--form-string "projectName=$project" \
		--form-string "projectVersion=$project_version" \
		--form-string "projectTags=$tags" \
		--form "bom=@$WORK/sbom.json;type=application/json"
	if [ -n "${DTRACK_CA_FILE:-}" ]; then
		set -- "$@" --cacert "$DTRACK_CA_FILE"
	fi
	run_child curl "$@" "$DTRACK_BASE/api/v1/bom" >"$WORK/dtrack-status" 2>"$WORK/curl.err"
	rc=$?
	status="$(cat "$WORK/dtrack-status" 2>/dev/null)"
	if [ "$rc" -ne 0 ]; then
		reason="${reason}Dependency-Track upload failed (curl status $rc: $(head -c 200 "$WORK/curl.err" | tr '\r\n' '  ')); "
		return 1
	fi
	case "$status" in
	2??)
		destinations="$destinations, dtrack:$project@$project_version"
		return 0
		;;
	esac
	body="$(head -c 200 "$WORK/dtrack-response" 2>/dev/null | tr '\r\n' '  ')"
	reason="${reason}Dependency-Track answered HTTP $status${body:+ ($body)}; "
	return 1
}

# Handles entry $1 of the config; prints its summary line; fails when the
# image got no SBOM or a destination did not take it.
process_entry() {
	jq -c --argjson i "$1" '.[$i]' "$CONFIG_FILE" >"$WORK/entry.json"
	reason=""
	destinations=""
	if [ "$(jq -r 'type' "$WORK/entry.json")" != "object" ]; then
		printf 'FAILED entry #%s: not a JSON object\n' "$1"
		return 1
	fi
	image="$(entry_field image)"
	pull_ref="$(entry_field pull-image)"
	reg_user="$(entry_field registry-user)"
	reg_password="$(entry_field registry-password)"
	[ -n "$pull_ref" ] || pull_ref="$image"
	if ! valid_reference "$image" || ! valid_reference "$pull_ref"; then
		printf 'FAILED entry #%s: missing or malformed image reference\n' "$1"
		return 1
	fi
	if ! scan; then
		printf 'FAILED %s: %s\n' "$image" "$reason"
		return 1
	fi
	failed_destination=0
	if [ -n "${OUTPUT_DIR:-}" ]; then
		write_output || failed_destination=1
	fi
	if [ -n "$DTRACK_BASE" ]; then
		upload_dtrack || failed_destination=1
	fi
	destinations="${destinations#, }"
	if [ "$failed_destination" -ne 0 ]; then
		printf 'FAILED %s: %s\n' "$image" "${reason%; }${destinations:+ (delivered to: $destinations)}"
		return 1
	fi
	printf 'ok %s components=%s -> %s\n' "$image" "$components" "$destinations"
	return 0
}

# --- main -------------------------------------------------------------------

if [ "$count" -eq 0 ]; then
	echo "no images to process"
	exit 0
fi

ok=0
failed=0
i=0
while [ "$i" -lt "$count" ]; do
	if process_entry "$i"; then
		ok=$((ok + 1))
	else
		failed=$((failed + 1))
	fi
	i=$((i + 1))
done
reg_password=""

printf 'done: %s images, %s ok, %s failed\n' "$count" "$ok" "$failed"
[ "$failed" -eq 0 ]
