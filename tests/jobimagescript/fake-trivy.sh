#!/bin/sh
# A stand-in for `trivy image` that misbehaves on purpose, chosen by the
# repository name of the last argument (the image reference):
#   .../exit0-empty@...   exits 0 and writes nothing
#   .../garbage@...       exits 0 and writes a document that is not JSON
#   .../chatty@...        prints an error quoting TRIVY_PASSWORD, exits 1
#   .../slow@...          records its pid in $FAKE_TRIVY_PIDFILE, sleeps
#   anything else         writes a minimal CycloneDX document with 2 components
output=""
while [ $# -gt 1 ]; do
	if [ "$1" = "--output" ]; then
		output="$2"
	fi
	shift
done
image="$1"

case "$image" in
*/exit0-empty@*) exit 0 ;;
*/garbage@*) echo "not json" >"$output" ;;
*/chatty@*)
	printf '\033[31mFATAL\033[0m\tunable to authenticate with password %s to %s\n' "${TRIVY_PASSWORD:-}" "$image" >&2
	exit 1
	;;
*/slow@*)
	echo $$ >"$FAKE_TRIVY_PIDFILE"
	exec sleep 60
	;;
*)
	echo '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"a"},{"name":"b"}]}' >"$output"
	;;
esac
