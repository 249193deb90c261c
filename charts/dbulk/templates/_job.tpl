{{/*
A hook Job in the api image (dict "root" $ "name" "migrate" "weight" "-10" "script" … "env" …).
pre-install,pre-upgrade: it runs before the new pods roll out, and a failure stops the upgrade.
@see https://helm.sh/docs/topics/charts_hooks/
*/}}
{{- define "dbulk.hookJob" -}}
{{- $root := .root -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "dbulk.fullname" $root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" $root "component" .name) | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .weight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $root.Values.hooks.backoffLimit }}
  activeDeadlineSeconds: {{ $root.Values.hooks.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "dbulk.selectorLabels" (dict "root" $root "component" .name) | nindent 8 }}
    spec:
      restartPolicy: Never
      serviceAccountName: {{ include "dbulk.hookServiceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountToken }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .name }}
          image: {{ include "dbulk.image" (dict "root" $root "image" "api") }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          command: [node, --enable-source-maps, {{ .script }}]
          env:
            {{- .env | nindent 12 }}
            {{- if $root.Values.extraCaCerts.secretName }}
            - name: NODE_EXTRA_CA_CERTS
              value: /etc/dbulk/ca/{{ $root.Values.extraCaCerts.key }}
            {{- end }}
          resources:
            {{- toYaml $root.Values.hooks.resources | nindent 12 }}
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
{{- end -}}
