import { CapacityEffect, MeasureApproval, MeasureTerms } from '../../domain/measure';
import { BRAMSCHE, MELLE, sampleInstitutionId, sampleRequest } from '../sample-capacity';
import { MeasureCommands } from './measure-commands';

/** One approved measure in Melle, one still planned in Bramsche; both count from the Kita year 2028/29. */
const SAMPLE_MEASURES: readonly (Omit<MeasureTerms, 'effect' | 'goalIds'> & {
  institution: string;
  effect: Omit<CapacityEffect, 'institutionId'>;
  approval?: MeasureApproval;
})[] = [
  {
    title: 'Erweiterung der Kita Lindenhof um zwei Kindergartengruppen (synthetisch)',
    description: 'Anbau mit zwei Gruppenräumen auf dem Nachbargrundstück (synthetisch).',
    regionKey: MELLE,
    institution: 'Kita Lindenhof',
    effect: { stage: 'kindergarten', places: 50, effectiveFrom: '2028-08-01' },
    cost: { investment: 1_200_000, annual: 310_000 },
    approval: { authority: 'Rat der Stadt Melle, Beschluss 2026/058 (synthetisch)', decidedOn: '2026-09-15' },
  },
  {
    title: 'Neue Krippengruppe in der Kita Regenbogen (synthetisch)',
    description: 'Umbau des Bewegungsraums zu einem Krippengruppenraum (synthetisch).',
    regionKey: BRAMSCHE,
    institution: 'Kita Regenbogen',
    effect: { stage: 'krippe', places: 15, effectiveFrom: '2028-08-01' },
    cost: { investment: 180_000, annual: 160_000 },
  },
];

/** Plans (and approves) the sample measures at the sample institutions; run after those are seeded. */
export async function seedSampleMeasures(measures: MeasureCommands): Promise<void> {
  for (const { institution, approval, ...measure } of SAMPLE_MEASURES) {
    const effect = { ...measure.effect, institutionId: sampleInstitutionId(institution) };
    const { id } = await measures.plan(
      { ...measure, effect, goalIds: [] },
      sampleRequest(`sample-measure-${measure.title}`),
    );
    if (approval) await measures.approve(id, approval, sampleRequest(`sample-measure-${measure.title}-approval`));
  }
}
