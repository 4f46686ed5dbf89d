/**
 * The Secretary of State's letter to the chair of the Commission (Hazel Blears MP to Darra Singh,
 * October 2007), the first element of the Government's response (GR Context ¶3): its five priority
 * actions. The letter has no numbered paragraphs; a priority is cited by its place in the letter.
 *
 * The letter names no recommendation by number. `concerns` links a priority to a recommendation only
 * where the letter names that recommendation's subject, and gives the letter's words (`quote`, as
 * printed); every such link is this add-in's reading (`inferred: true`).
 * @see docs/sources.md (SoS)
 */
import type { Source } from "../../types";

export interface PriorityLink {
  recommendation: number;
  /** The letter's words naming the recommendation's subject, as printed. */
  quote: string;
  /** Always true: the letter does not number the recommendations it answers. */
  inferred: true;
}

export interface SosPriority {
  /** 1–5, the letter's order ("The first is …", "My second priority is …"). */
  number: number;
  title: string;
  /** The add-in's summary of what the letter says under the priority. */
  summary: string;
  /** The letter's words introducing the priority, as printed. */
  quote: string;
  concerns: readonly PriorityLink[];
  source: Source;
}

const ORDINAL = ["first", "second", "third", "fourth", "fifth"];

const link = (recommendation: number, quote: string): PriorityLink => ({ recommendation, quote, inferred: true });

const priority = (number: number, title: string, quote: string, summary: string, concerns: readonly PriorityLink[]): SosPriority => ({
  number,
  title,
  summary,
  quote,
  concerns,
  source: { doc: "SoS", ref: `letter, October 2007: ${ORDINAL[number - 1]} priority` },
});

/** The letter's five priority actions, in its order. */
export const SOS_PRIORITIES: readonly SosPriority[] = [
  priority(
    1,
    "More support for local authorities, measured by an extended cohesion PSA.",
    "significant increase in support for local authorities",
    "Support for local authorities' cohesion work rises from £2m in 2007/08 to £50m over the next three years, its success measured by a new and extended emphasis on cohesion in the Public Service Agreement: the current indicator plus two new ones, on meaningful interaction and on a sense of belonging.",
    [link(5, "new and extended emphasis on cohesion")],
  ),
  priority(
    2,
    "More focused support from the centre for local areas.",
    "My second priority is more focused support from the centre for local areas",
    "Best practice for different types of area, turning the family groups into practical actions; a consistent template for a local area information pack for new arrivals by January 2008; new teams for areas experiencing rapid change; better engagement of employers, a whole-community approach and more emphasis on community development.",
    [
      link(11, "turns the \"family groups\" you have identified into a set of clear"),
      link(18, "consistent template for a local area information pack"),
      link(20, "who offer ESOL classes to their workers at times that suit them"),
      link(26, "You identify community development techniques as one answer to this"),
    ],
  ),
  priority(
    3,
    "A greater emphasis on bridging activities that bring people from different backgrounds together.",
    "greater emphasis on “bridging” activities that bring people from different backgrounds together",
    "Research on bridging activities; guidance for schools on the duty to promote cohesion and a new school linking programme; consultation on an interfaith strategy in December, saying what is expected from funding interfaith work; guidance on translation; ESOL arrangements kept under review, with a Citizens Jury on learning English.",
    [
      link(42, "DCSF launched a significant new programme of school linking this week"),
      link(38, "making clear what we expect from funding interfaith work"),
      link(57, "guidance on translation"),
      link(21, "reducing translation will not work unless we are confident that ESOL provision is being delivered in the right way to build cohesion"),
    ],
  ),
  priority(
    4,
    "A better understanding of cohesion goals across other policy areas.",
    "My fourth priority is to develop a better understanding of our goals on cohesion across other policy areas.",
    "A web-based One Stop Shop on Cohesion with the Institute of Community Cohesion; a mainstreaming toolkit for organisations from Arts Council England to the Academy for Sustainable Communities, with voluntary cohesion impact assessments for decisions on regeneration and investment; Cohesion Guidance for Funders, on what the report called single group funding.",
    [
      link(48, "from Arts Council England to the Academy for Sustainable Communities can contribute to our shared agenda"),
      link(51, "illustrating how local decisions on regeneration and wider investments need to be taken"),
      link(55, "these new funding criteria will be something for all organisations to consider"),
      link(56, "You referred to this issue in your report as “single group funding”"),
    ],
  ),
  priority(
    5,
    "A renewed commitment to citizenship and civic pride.",
    "my fifth priority at this stage is a renewed commitment to Citizenship and civic pride",
    "Work with Lord Goldsmith's Citizenship review on citizenship ceremonies, the Youth Citizenship Commission to consider ceremonies for young people, and guidance with the Citizenship Foundation on running local citizenship activities, drawing on the Citizens Days pilots.",
    [
      link(14, "take some of the ideas in your report around Citizenship Ceremonies"),
      link(15, "consider the idea of citizenship ceremonies for young people"),
    ],
  ),
];
