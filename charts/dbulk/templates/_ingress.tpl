{{/* An Ingress for (dict "root" $ "name" "web" "rules" (list (dict "host" … "paths" (list (dict "path" … "service" …))))). */}}
{{- define "dbulk.ingress" -}}
{{- $root := .root -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "dbulk.fullname" $root }}-{{ .name }}
  labels:
    {{- include "dbulk.labels" (dict "root" $root "component" .name) | nindent 4 }}
  {{- with $root.Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $root.Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $root.Values.ingress.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    {{- range .rules }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: Prefix
            backend:
              service:
                name: {{ include "dbulk.fullname" $root }}-{{ .service }}
                port: { name: http }
          {{- end }}
    {{- end }}
{{- end -}}
