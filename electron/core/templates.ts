import type { FrameworkTemplateDto } from '../contract/api';
import { ARTICLE_FRAMEWORK } from './repos/frameworks';

/**
 * Frameworks researchers of norm diffusion use as matrix rows. The article's four stages are the default; the others
 * are the field's standard models, named by their authors so the researcher can cite them.
 */
export const FRAMEWORK_TEMPLATES: readonly FrameworkTemplateDto[] = Object.freeze([
  {
    id: 'micro-politics-of-contestation',
    name: ARTICLE_FRAMEWORK.name,
    description: ARTICLE_FRAMEWORK.description ?? '',
    citation: 'The four stages of norm diffusion and contestation used in the study of OSCE/ODIHR election norms in Kazakhstan (the bundled sample project follows it).',
    stages: ARTICLE_FRAMEWORK.stages.map((s) => ({ label: s.label, description: s.description ?? '', asksMode: !!s.asksMode })),
  },
  {
    id: 'norm-life-cycle',
    name: 'Norm life cycle',
    description: 'A norm emerges through entrepreneurs, cascades after a tipping point, and is internalised until taken for granted.',
    citation: 'Finnemore, M. and Sikkink, K. (1998) "International Norm Dynamics and Political Change", International Organization 52(4): 887-917.',
    stages: [
      { label: 'Norm emergence', description: 'Norm entrepreneurs, working from organisational platforms, persuade a critical mass of states to embrace the norm.', asksMode: false },
      { label: 'Norm cascade', description: 'Past the tipping point, states adopt the norm through socialisation, imitation and the wish for legitimacy and esteem.', asksMode: false },
      { label: 'Internalisation', description: 'The norm acquires a taken-for-granted quality and is no longer the subject of broad public debate.', asksMode: false },
    ],
  },
  {
    id: 'spiral-model',
    name: 'Spiral model of human rights change',
    description: 'Five phases from repression to rule-consistent behaviour, driven by transnational advocacy and domestic opposition.',
    citation: 'Risse, T., Ropp, S. C. and Sikkink, K. (eds) (1999) The Power of Human Rights: International Norms and Domestic Change. Cambridge University Press.',
    stages: [
      { label: 'Repression', description: 'The state violates the norm; domestic opposition is too weak to challenge it and transnational networks begin to gather information.', asksMode: false },
      { label: 'Denial', description: 'Under international pressure the state denies the validity of the norm itself, often invoking sovereignty and non-interference.', asksMode: false },
      { label: 'Tactical concessions', description: 'The state makes cosmetic concessions to pacify criticism, which opens space for domestic mobilisation.', asksMode: false },
      { label: 'Prescriptive status', description: 'The state accepts the validity of the norm: it ratifies conventions, writes the norm into law and no longer denies it.', asksMode: false },
      { label: 'Rule-consistent behaviour', description: 'Behaviour consistently follows the norm, sustained by institutionalisation and habit.', asksMode: false },
    ],
  },
  {
    id: 'localisation',
    name: 'Norm localisation',
    description: 'Local actors reconstruct a foreign norm to build congruence with a pre-existing local normative order.',
    citation: 'Acharya, A. (2004) "How Ideas Spread: Whose Norms Matter? Norm Localization and Institutional Change in Asian Regionalism", International Organization 58(2): 239-275.',
    stages: [
      { label: 'Pre-localisation', description: 'Resistance and contestation: local actors are wary of the foreign norm and may resist it.', asksMode: false },
      { label: 'Local initiative', description: 'Entrepreneurship and framing: local credible actors borrow the norm and frame it to fit local concerns.', asksMode: true },
      { label: 'Adaptation', description: 'Grafting and pruning: the norm is reconstructed to fit local beliefs and practices; some of its elements are dropped.', asksMode: true },
      { label: 'Amplification and universalisation', description: 'New instruments and practices develop from the localised norm, in which local elements stay visible.', asksMode: false },
    ],
  },
]);
