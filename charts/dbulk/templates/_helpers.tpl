{{/* Names, labels and images shared by every template. */}}

{{- define "dbulk.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dbulk.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains (include "dbulk.name" .) .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "dbulk.name" .) | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* dict "root" $ "component" "api" */}}
{{- define "dbulk.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dbulk.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end -}}

{{- define "dbulk.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "dbulk.selectorLabels" . }}
app.kubernetes.io/part-of: dbulk
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{/* dict "root" $ "image" "api" → ghcr.io/dbulk/dbulk-api:0.1.0 */}}
{{- define "dbulk.image" -}}
{{- $v := .root.Values.image -}}
{{- printf "%s/dbulk-%s:%s" ($v.registry | trimSuffix "/") .image (default .root.Chart.AppVersion $v.tag) -}}
{{- end -}}

{{- define "dbulk.secretName" -}}
{{- default (printf "%s-secrets" (include "dbulk.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "dbulk.configName" -}}
{{- printf "%s-config" (include "dbulk.fullname" .) -}}
{{- end -}}

{{/* Kafka's topic names in values (camelCase) → physical topic names. */}}
{{- define "dbulk.topicNames" -}}
send: dbulk.send
webhooks: dbulk.webhooks
webhooksDlq: dbulk.webhooks.dlq
control: dbulk.control
events: dbulk.events
{{- end -}}

{{/* KAFKA_TOPIC_PARTITIONS for the reconciler: dbulk.send=12,dbulk.webhooks=12,… */}}
{{- define "dbulk.topicPartitions" -}}
{{- $names := include "dbulk.topicNames" . | fromYaml -}}
{{- $pairs := list -}}
{{- range $key := keys $names | sortAlpha -}}
{{- $pairs = append $pairs (printf "%s=%v" (get $names $key) (get $.Values.kafka.topics $key).partitions) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{/* The apps' ServiceAccount; the hook Jobs get their own (a hook), as they run before the release's resources exist. */}}
{{- define "dbulk.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "dbulk.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "dbulk.hookServiceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- printf "%s-hooks" (include "dbulk.serviceAccountName" .) -}}
{{- else -}}
{{- include "dbulk.serviceAccountName" . -}}
{{- end -}}
{{- end -}}
