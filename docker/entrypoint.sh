#!/bin/sh
# Entry point of the Observatoire images. Docker secrets arrive as files (/run/secrets/...): for each supported
# variable NAME, when NAME_FILE is set, NAME is exported from that file's content so the application keeps reading
# plain environment variables, and the secret never appears in `docker inspect`.
set -eu

for name in DATABASE_URL OBSERVATOIRE_PSEUDONYM_KEY; do
  file=$(printenv "${name}_FILE" || true)
  if [ -n "$file" ]; then
    if [ ! -r "$file" ]; then
      echo "Erreur : ${name}_FILE=$file est illisible (droits ou chemin) / Error: ${name}_FILE=$file is not readable (permissions or path)." >&2
      exit 78
    fi
    # Trailing newlines from `echo` or editors would end up in the URL or the key.
    value=$(cat "$file")
    export "$name=$value"
    unset "${name}_FILE"
  fi
done

exec "$@"
