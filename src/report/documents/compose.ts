/**
 * How documents compose sections: each document is a list of sections in
 * reading order, each taking the part of the document's input it shows.
 * Adding a section to a report is one file under `../sections/` and one
 * line in a list here beside it.
 */
import type { ReportSection } from "../html.js";
import type { Section, SectionContext, SectionOutput } from "../sections/section.js";

/**
 * Sections that show one part of an input: `select` picks it, and when the
 * input has no such part (undefined) the sections are left out.
 *
 * @example
 * const sweepParts = given((input: ClusterReportInput) => input.sweep, elbowSection, qualitySection);
 * await composeSections([sweepParts], input, context); // elbow and quality, or [] without a sweep
 */
export function given<Input, Data>(
  select: (input: Input) => Data | undefined,
  ...sections: readonly Section<Data>[]
): Section<Input> {
  return (input, context) => {
    const data = select(input);
    return data === undefined ? [] : composeSections(sections, data, context);
  };
}

function flat(output: SectionOutput): readonly ReportSection[] {
  return Array.isArray(output) ? output : [output as ReportSection];
}

/**
 * Renders a list of sections on the same data, charts in parallel, and
 * returns them in list order.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await composeSections([overviewSection, given((i) => i.sweep, elbowSection)], input, context);
 */
export async function composeSections<Data>(
  sections: readonly Section<Data>[],
  data: Data,
  context: SectionContext,
): Promise<ReportSection[]> {
  const outputs = await Promise.all(sections.map(async (section) => section(data, context)));
  return outputs.flatMap(flat);
}
