{{/* A component's env: its port, its Secret keys (KEY? = optional), fixed role flags, extras. */}}
{{- define "dbulk.env" -}}
{{- $root := .root -}}
{{- $c := .component -}}
{{- $v := .values -}}
- name: PORT
  value: {{ $c.port | quote }}
{{- range $c.secrets }}
{{- $key := trimSuffix "?" . }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ include "dbulk.secretName" $root }}
      key: {{ $key }}
      {{- if hasSuffix "?" . }}
      optional: true
      {{- end }}
{{- end }}
{{- if and $c.config $root.Values.kafka.sasl.enabled }}
{{- range list "KAFKA_SASL_USERNAME" "KAFKA_SASL_PASSWORD" }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ include "dbulk.secretName" $root }}
      key: {{ . }}
{{- end }}
{{- end }}
{{- if $c.static }}
- name: STATIC_ROOT
  value: {{ $c.static }}
{{- end }}
{{- if eq $c.key "metaSandbox" }}
- name: NODE_ENV
  value: {{ $root.Values.config.nodeEnv | quote }}
- name: LOG_LEVEL
  value: {{ $root.Values.config.logLevel | quote }}
- name: SANDBOX_CONTROL
  value: {{ $v.control | quote }}
- name: SANDBOX_WEBHOOK_URL
  value: {{ printf "http://%s-ingest:4001/webhooks/whatsapp" (include "dbulk.fullname" $root) }}
{{- end }}
{{- range $name, $value := $c.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- if $root.Values.extraCaCerts.secretName }}
- name: NODE_EXTRA_CA_CERTS
  value: /etc/dbulk/ca/{{ $root.Values.extraCaCerts.key }}
{{- end }}
{{- range $name, $value := $v.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* The hook Jobs run before the ConfigMap exists on a first install: their settings inline. */}}
{{- define "dbulk.hookKafkaEnv" -}}
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: KAFKA_BROKERS
  value: {{ join "," .Values.kafka.brokers | quote }}
- name: KAFKA_CLIENT_ID
  value: {{ .Values.kafka.clientId | quote }}
- name: KAFKA_SSL
  value: {{ .Values.kafka.tls.enabled | quote }}
{{- if .Values.kafka.sasl.enabled }}
- name: KAFKA_SASL_MECHANISM
  value: {{ .Values.kafka.sasl.mechanism | quote }}
{{- range list "KAFKA_SASL_USERNAME" "KAFKA_SASL_PASSWORD" }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ include "dbulk.hookSecretName" $ }}
      key: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* With existingSecret the hooks read it; otherwise a hook Secret created just before them. */}}
{{- define "dbulk.hookSecretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-hooks" (include "dbulk.fullname" .) -}}
{{- end -}}
{{- end -}}
