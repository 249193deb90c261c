{{/*
Cross-field checks the schema cannot express, collected and failed once with every problem
(traefik's style). Included by configmap.yaml, so every render runs it.
*/}}
{{- define "dbulk.validate" -}}
{{- $errors := list -}}
{{- $v := .Values -}}
{{- range $name, $key := dict "api" "api" "ingest" "ingest" "sender" "sender" "processor" "processor" -}}
{{- $a := (get $v $key).autoscaling -}}
{{- if and $a.enabled (gt (int $a.minReplicas) (int $a.maxReplicas)) -}}
{{- $errors = append $errors (printf "%s.autoscaling.minReplicas (%v) is above maxReplicas (%v)" $key $a.minReplicas $a.maxReplicas) -}}
{{- end -}}
{{- end -}}
{{- range $key, $topic := dict "sender" "send" "processor" "webhooks" -}}
{{- $c := get $v $key -}}
{{- $partitions := int (get $v.kafka.topics $topic).partitions -}}
{{- $most := ternary (int $c.autoscaling.maxReplicas) (int $c.replicas) (or $c.autoscaling.enabled $v.keda.enabled) -}}
{{- if gt $most $partitions -}}
{{- $errors = append $errors (printf "%s can scale to %d replicas but kafka.topics.%s.partitions is %d: a consumer beyond the partition count idles. Lower %s.autoscaling.maxReplicas (or replicas) or raise the partitions (the upgrade hook adds them)" $key $most $topic $partitions $key) -}}
{{- end -}}
{{- end -}}
{{- if and $v.kafka.sasl.enabled (not $v.secrets.existingSecret) (or (not $v.secrets.kafkaSaslUsername) (not $v.secrets.kafkaSaslPassword)) -}}
{{- $errors = append $errors "kafka.sasl.enabled needs secrets.kafkaSaslUsername and secrets.kafkaSaslPassword (or secrets.existingSecret)" -}}
{{- end -}}
{{- if and $v.metaSandbox.enabled (eq $v.config.nodeEnv "production") $v.metaSandbox.useForGraph (not $v.kafka.topicPrefix) -}}
{{- $errors = append $errors "metaSandbox.useForGraph sends every tenant's messages to the simulator: use it on staging (kafka.topicPrefix set or config.nodeEnv other than production)" -}}
{{- end -}}
{{- if and $v.ingress.enabled (not $v.ingress.hosts.tenant) (not $v.ingress.hosts.admin) (not $v.ingress.hosts.ingest) -}}
{{- $errors = append $errors "ingress.enabled needs at least one of ingress.hosts.tenant, admin, ingest" -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n\ndbulk: invalid values:\n  - %s\n" (join "\n  - " $errors)) -}}
{{- end -}}
{{- end -}}
