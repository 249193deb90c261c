/**
 * Offline validation of rendered manifests against the Kubernetes OpenAPI schemas bundled in
 * kubernetes-models (no cluster, no network). KEDA's ScaledObject and the Prometheus Operator's
 * ServiceMonitor are CRDs the package does not carry: they get a structural check of the
 * fields their controllers require.
 * @see https://github.com/tommy351/kubernetes-models-ts
 */
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { Manifest } from './helm';

interface Validatable {
  validate(): void;
}
type Model = new (data: never) => Validatable;

const MODELS: Record<string, Model> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

function checkCustomResource(m: Manifest): string[] {
  const problems: string[] = [];
  if (m.apiVersion === 'keda.sh/v1alpha1' && m.kind === 'ScaledObject') {
    if (!m.spec?.scaleTargetRef?.name) problems.push('spec.scaleTargetRef.name is required');
    if (!Array.isArray(m.spec?.triggers) || m.spec.triggers.length === 0) problems.push('spec.triggers needs at least one trigger');
    for (const trigger of m.spec?.triggers ?? []) {
      if (typeof trigger.type !== 'string') problems.push('every trigger needs a type');
      for (const [key, value] of Object.entries(trigger.metadata ?? {})) if (typeof value !== 'string') problems.push(`trigger metadata ${key} must be a string`);
    }
    if (!(m.spec?.minReplicaCount <= m.spec?.maxReplicaCount)) problems.push('minReplicaCount must not exceed maxReplicaCount');
    return problems;
  }
  if (m.apiVersion === 'monitoring.coreos.com/v1' && m.kind === 'ServiceMonitor') {
    if (!m.spec?.selector) problems.push('spec.selector is required');
    if (!Array.isArray(m.spec?.endpoints) || m.spec.endpoints.length === 0) problems.push('spec.endpoints needs at least one endpoint');
    return problems;
  }
  return [`no schema for ${m.apiVersion}/${m.kind}`];
}

/** Every problem of every manifest, as `Kind/name: message`; empty when all are valid. */
export function schemaProblems(manifests: Manifest[]): string[] {
  return manifests.flatMap((m) => {
    const Model = MODELS[`${m.apiVersion}/${m.kind}`];
    if (!Model) return checkCustomResource(m).map((p) => `${m.kind}/${m.metadata.name}: ${p}`);
    try {
      new Model(m as never).validate();
      return [];
    } catch (err) {
      return [`${m.kind}/${m.metadata.name}: ${(err as Error).message}`];
    }
  });
}
