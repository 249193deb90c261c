{{/*
HPA on CPU for any component; for the consumers (sender, processor) a KEDA ScaledObject on
consumer lag replaces it when keda.enabled. Both keep maxReplicas <= the topic's partitions
(dbulk.validate): a consumer beyond the partition count would sit idle.
@see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
@see https://keda.sh/docs/2.17/scalers/apache-kafka/
*/}}
{{- define "dbulk.usesKeda" -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- if and .root.Values.keda.enabled $c.topic }}true{{ end -}}
{{- end -}}

{{- define "dbulk.behavior" -}}
# Scaling a consumer group rebalances it: scale down slowly, up at most 4 pods a minute.
scaleDown:
  stabilizationWindowSeconds: 300
  policies: [{ type: Pods, value: 1, periodSeconds: 60 }]
scaleUp:
  stabilizationWindowSeconds: 30
  policies: [{ type: Pods, value: 4, periodSeconds: 60 }]
{{- end -}}

{{- define "dbulk.hpa" -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- $a := (get .root.Values $c.key).autoscaling -}}
{{- if and $a.enabled (not (include "dbulk.usesKeda" .)) -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "dbulk.fullname" .root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" .root "component" .name) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "dbulk.fullname" .root }}-{{ .name }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: {{ $a.targetCPUUtilizationPercentage }} }
  behavior:
    {{- include "dbulk.behavior" . | nindent 4 }}
{{- end -}}
{{- end -}}

{{- define "dbulk.scaledObject" -}}
{{- if include "dbulk.usesKeda" . -}}
{{- $root := .root -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- $a := (get $root.Values $c.key).autoscaling -}}
{{- $topic := get (include "dbulk.topicNames" $root | fromYaml) $c.topic -}}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "dbulk.fullname" $root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" $root "component" .name) | nindent 4 }}
spec:
  scaleTargetRef:
    name: {{ include "dbulk.fullname" $root }}-{{ .name }}
  minReplicaCount: {{ $a.minReplicas }}
  maxReplicaCount: {{ $a.maxReplicas }}
  pollingInterval: {{ $root.Values.keda.pollingInterval }}
  cooldownPeriod: {{ $root.Values.keda.cooldownPeriod }}
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        {{- include "dbulk.behavior" . | nindent 8 }}
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: {{ join "," $root.Values.kafka.brokers }}
        consumerGroup: {{ $c.group }}
        topic: {{ printf "%s%s" $root.Values.kafka.topicPrefix $topic }}
        lagThreshold: {{ get $root.Values.keda.lagThreshold .name | quote }}
        # Never more consumers than partitions: the rest would idle.
        allowIdleConsumers: "false"
        offsetResetPolicy: earliest
      {{- with $root.Values.keda.authenticationRef }}
      authenticationRef:
        name: {{ . }}
      {{- end }}
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ $a.targetCPUUtilizationPercentage | quote }}
{{- end -}}
{{- end -}}
