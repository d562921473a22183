{{- define "tokengov.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tokengov.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "tokengov.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "tokengov.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "tokengov.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tokengov.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "tokengov.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "tokengov.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "tokengov.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tokengov.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image is pinned to the chart's appVersion unless a tag is given. */}}
{{- define "tokengov.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Refuses values that cannot work, each with the reason. Every template includes it, so `helm template` and
`helm install` stop before anything is applied.
*/}}
{{- define "tokengov.validate" -}}
{{- $replicas := ternary .Values.autoscaling.maxReplicas .Values.replicaCount .Values.autoscaling.enabled | int }}
{{- $h2 := or .Values.database.embedded (hasPrefix "jdbc:h2:" .Values.database.url) }}
{{- if and $h2 (gt $replicas 1) }}
{{- fail (printf "The embedded H2 database lives inside one pod: replicas cannot share it. Use PostgreSQL (database.url, database.existingSecret) for %d replicas, or set replicaCount=1 and autoscaling.enabled=false for a demo." $replicas) }}
{{- end }}
{{- if not $h2 }}
{{- if not (hasPrefix "jdbc:postgresql:" .Values.database.url) }}
{{- fail "database.url must be PostgreSQL's JDBC URL (jdbc:postgresql://host:5432/database)" }}
{{- end }}
{{- if not .Values.database.existingSecret }}
{{- fail "database.existingSecret must name the Secret with the database login (keys database.usernameKey, database.passwordKey)" }}
{{- end }}
{{- if not .Values.audit.existingSecret }}
{{- fail "audit.existingSecret must name the Secret with TOKENGOV_AUDIT_KEY (key audit.macKeyKey): without it the app does not start" }}
{{- end }}
{{- if and .Values.keycloak.enabled (not .Values.keycloak.existingSecret) }}
{{- fail "keycloak.existingSecret must name the Secret with the client secret (key keycloak.clientSecretKey), or set keycloak.enabled=false" }}
{{- end }}
{{- if .Values.networkPolicy.enabled }}
{{- $needed := list "database" "redcap" }}
{{- if .Values.keycloak.enabled }}{{ $needed = append $needed "keycloak" }}{{ end }}
{{- if .Values.smtp.host }}{{ $needed = append $needed "smtp" }}{{ end }}
{{- range $needed }}
{{- if not (index $.Values.networkPolicy.egress . "cidrs") }}
{{- fail (printf "networkPolicy.egress.%s.cidrs is empty: with the network policy on, the app could not reach its %s" . .) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $name := list "qa" "prod" }}
{{- $server := index $.Values.redcap $name }}
{{- if not $server.apiUrl }}
{{- fail (printf "redcap.%s.apiUrl is required" $name) }}
{{- end }}
{{- if and $server.stewardTokens.keys (not $server.stewardTokens.existingSecret) }}
{{- fail (printf "redcap.%s.stewardTokens.keys needs redcap.%s.stewardTokens.existingSecret" $name $name) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The Spring profiles: production (or the embedded demo), plus keycloak. */}}
{{- define "tokengov.profiles" -}}
{{- $profiles := list (ternary "embedded" "production" .Values.database.embedded) }}
{{- if .Values.keycloak.enabled }}{{ $profiles = append $profiles "keycloak" }}{{ end }}
{{- join "," $profiles }}
{{- end }}

{{- define "tokengov.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
{{- end }}

{{/* What the schema Job needs too: the profile and the database. Plain env, as hooks run before the ConfigMap exists. */}}
{{- define "tokengov.databaseEnv" -}}
- name: SPRING_PROFILES_ACTIVE
  value: {{ include "tokengov.profiles" . | quote }}
{{- if not .Values.database.embedded }}
- name: TOKENGOV_DB_URL
  value: {{ .Values.database.url | quote }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_DB_USERNAME" "secret" .Values.database.existingSecret "key" .Values.database.usernameKey) }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_DB_PASSWORD" "secret" .Values.database.existingSecret "key" .Values.database.passwordKey) }}
{{- end }}
{{- end }}

{{/* Every secret of the app, each a key of an existing Secret. */}}
{{- define "tokengov.secretsEnv" -}}
{{- with .Values.audit }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_AUDIT_KEY" "secret" .existingSecret "key" .macKeyKey) }}
{{- end }}{{ end }}
{{- if .Values.keycloak.enabled }}{{ with .Values.keycloak }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_KEYCLOAK_CLIENT_SECRET" "secret" .existingSecret "key" .clientSecretKey) }}
{{- end }}{{ end }}{{ end }}
{{- with .Values.smtp }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_SMTP_USERNAME" "secret" .existingSecret "key" .usernameKey) }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_SMTP_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}{{ end }}
{{- with .Values.hrWebhook }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_HR_WEBHOOK_SECRET" "secret" .existingSecret "key" .secretKey) }}
{{- end }}{{ end }}
{{- with .Values.usageIntake }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_USAGE_INTAKE_SECRET" "secret" .existingSecret "key" .secretKey) }}
{{- end }}{{ end }}
{{- with .Values.scim }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" "TOKENGOV_SCIM_BEARER_TOKEN" "secret" .existingSecret "key" .bearerTokenKey) }}
{{- end }}{{ end }}
{{- if not .Values.database.embedded }}
{{- range $name := list "qa" "prod" }}
{{- $server := index $.Values.redcap $name }}
{{- $prefix := upper $name }}
{{- with $server.database }}{{ if .existingSecret }}
{{ include "tokengov.secretEnv" (dict "env" (printf "TOKENGOV_%s_DB_USERNAME" $prefix) "secret" .existingSecret "key" .usernameKey) }}
{{ include "tokengov.secretEnv" (dict "env" (printf "TOKENGOV_%s_DB_PASSWORD" $prefix) "secret" .existingSecret "key" .passwordKey) }}
{{- end }}{{ end }}
{{- range $project, $key := $server.stewardTokens.keys }}
{{ include "tokengov.secretEnv" (dict "env" (printf "TOKENGOV_REDCAP_ENVIRONMENTS_%s_STEWARDTOKENS_%s" $prefix (toString $project)) "secret" $server.stewardTokens.existingSecret "key" $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tokengov.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{- define "tokengov.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurityContext.runAsUser }}
runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
fsGroup: {{ .Values.podSecurityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}
