{{/*
One Deployment for any component: include "dbulk.deployment" (dict "root" $ "name" "api").
Probes on /healthz (startup, liveness) and /readyz (readiness); preStop waits for the endpoints
to drop the pod before SIGTERM starts the app's drain; the root filesystem is read-only with an
emptyDir on /tmp.
@see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
*/}}
{{- define "dbulk.deployment" -}}
{{- $root := .root -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- $v := get $root.Values $c.key -}}
{{- $scaled := or (and $v.autoscaling $v.autoscaling.enabled) (include "dbulk.usesKeda" .) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "dbulk.fullname" $root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" $root "component" .name) | nindent 4 }}
spec:
  {{- if not $scaled }}
  replicas: {{ $v.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxSurge: 25%, maxUnavailable: 0 }
  selector:
    matchLabels:
      {{- include "dbulk.selectorLabels" (dict "root" $root "component" .name) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "dbulk.selectorLabels" (dict "root" $root "component" .name) | nindent 8 }}
        app.kubernetes.io/part-of: dbulk
      annotations:
        {{- if $c.config }}
        checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        {{- end }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "dbulk.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountToken }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds | default 30 }}
      containers:
        - name: {{ .name }}
          image: {{ include "dbulk.image" (dict "root" $root "image" $c.image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          command: [node, --enable-source-maps, {{ $c.script }}]
          ports:
            - name: http
              containerPort: {{ $c.port }}
              protocol: TCP
          {{- if $c.config }}
          envFrom:
            - configMapRef:
                name: {{ include "dbulk.configName" $root }}
          {{- end }}
          env:
            {{- include "dbulk.env" (dict "root" $root "component" $c "values" $v) | nindent 12 }}
          startupProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 2
            failureThreshold: 30
          readinessProbe:
            httpGet: { path: /readyz, port: http }
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          lifecycle:
            preStop:
              exec:
                command: [sleep, {{ $v.preStopSleepSeconds | default 5 | quote }}]
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- if $root.Values.extraCaCerts.secretName }}
            - { name: ca, mountPath: /etc/dbulk/ca, readOnly: true }
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
        {{- if $root.Values.extraCaCerts.secretName }}
        - name: ca
          secret: { secretName: {{ $root.Values.extraCaCerts.secretName }} }
        {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "dbulk.selectorLabels" (dict "root" $root "component" .name) | nindent 14 }}
{{- end -}}

{{- define "dbulk.service" -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "dbulk.fullname" .root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" .root "component" .name) | nindent 4 }}
    {{- if not $c.static }}
    dbulk.io/metrics: "true"
    {{- end }}
spec:
  type: ClusterIP
  selector:
    {{- include "dbulk.selectorLabels" (dict "root" .root "component" .name) | nindent 4 }}
  ports:
    - name: http
      port: {{ $c.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "dbulk.pdb" -}}
{{- $c := include "dbulk.component" . | fromYaml -}}
{{- $pdb := (get .root.Values $c.key).pdb -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "dbulk.fullname" .root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" .root "component" .name) | nindent 4 }}
spec:
  {{- if hasKey $pdb "maxUnavailable" }}
  maxUnavailable: {{ $pdb.maxUnavailable }}
  {{- else }}
  minAvailable: {{ $pdb.minAvailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "dbulk.selectorLabels" (dict "root" .root "component" .name) | nindent 6 }}
{{- end -}}
