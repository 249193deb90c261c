{{/*
The apps as the chart deploys them: values key, image, port, entry point (the image's WORKDIR
is the repository root), the Secret keys each reads (least privilege: ingest never sees the
database URL) and whether it talks to Kafka. Templates look a component up by name.
*/}}
{{- define "dbulk.components" -}}
api:
  key: api
  image: api
  port: 4000
  script: apps/api/dist/main.js
  config: true
  public: true
  secrets: [DATABASE_URL, ENCRYPTION_KEY, "ENCRYPTION_KEYS_PREVIOUS?", "META_APP_SECRET?"]
ingest:
  key: ingest
  image: ingest
  port: 4001
  script: apps/ingest/dist/main.js
  config: true
  public: true
  secrets: [META_APP_SECRET, META_WEBHOOK_VERIFY_TOKEN]
sender:
  key: sender
  image: sender
  port: 4002
  script: apps/sender/dist/main.js
  config: true
  topic: send
  group: sender.send
  secrets: [DATABASE_URL, ENCRYPTION_KEY, "ENCRYPTION_KEYS_PREVIOUS?"]
  env: { PLANNER_ENABLED: "false", SENDER_CONSUMER_ENABLED: "true" }
planner:
  key: planner
  image: sender
  port: 4002
  script: apps/sender/dist/main.js
  config: true
  secrets: [DATABASE_URL, ENCRYPTION_KEY, "ENCRYPTION_KEYS_PREVIOUS?"]
  env: { PLANNER_ENABLED: "true", SENDER_CONSUMER_ENABLED: "false" }
processor:
  key: processor
  image: processor
  port: 4003
  script: apps/processor/dist/main.js
  config: true
  topic: webhooks
  group: processor.webhooks
  secrets: [DATABASE_URL]
tenant-web:
  key: tenantWeb
  image: tenant-web
  port: 8080
  script: scripts/lib/serve-static.mjs
  public: true
  static: apps/tenant-web/dist
  secrets: []
admin-web:
  key: adminWeb
  image: admin-web
  port: 8080
  script: scripts/lib/serve-static.mjs
  public: true
  static: apps/admin-web/dist
  secrets: []
meta-sandbox:
  key: metaSandbox
  image: meta-sandbox
  port: 4010
  script: apps/meta-sandbox/dist/main.js
  secrets: ["META_APP_SECRET?"]
{{- end -}}

{{/* include "dbulk.component" (dict "root" $ "name" "api") → the dict above, as YAML */}}
{{- define "dbulk.component" -}}
{{- get (include "dbulk.components" .root | fromYaml) .name | toYaml -}}
{{- end -}}

{{/* Is a component deployed? (the sandbox is optional) */}}
{{- define "dbulk.enabled" -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- $v := get .root.Values $c.key -}}
{{- if hasKey $v "enabled" }}{{ ternary "true" "" $v.enabled }}{{ else }}true{{ end -}}
{{- end -}}
