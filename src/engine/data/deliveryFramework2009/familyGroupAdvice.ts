/**
 * CDF Annex C, "Commission suggestions for action plans": for each family group a)–e), what works
 * well and where things work less well, verbatim and complete, in document order.
 *
 * Named after its content, not "Annex C", because recommendations 56/57 of the Commission refer to
 * the Commission report's own Annex C/D (decision A17).
 * @see CDF Annex C
 */
import type { Source } from "../../types";
import type { FamilyGroup } from "./familyTypes";
import type { FamilyGroupAdvice } from "../../recommender/types";

const src = (group: FamilyGroup): Source => ({ doc: "CDF", ref: `Annex C ${group})` });

/** Annex C advice for the five groups, keyed a–e. */
export const FAMILY_GROUP_ADVICE: Readonly<Record<FamilyGroup, FamilyGroupAdvice>> = {
  a: {
    group: "a",
    kind: "Family group",
    heading: "Family group a) Changing less affluent rural areas",
    name: "Changing less affluent rural areas",
    types: [1],
    worksWell: [
      // "etc" is the document's own wording.
      "Effective partnership working around sharing data and intelligence helps create a fuller picture of the dynamic changes in communities, any translation needs, any information needs etc",
      "Resources and expertise are pooled with others in a wide geographical area (particularly with isolated communities)",
      "A welcome pack gives a clear statement and information on services to new arrivals and aids their integration into the community",
      "Structured communications with settled communities explaining why new arrivals have come, what the area is doing to integrate them and myth busting",
      "Schemes to build bridges between new arrivals and settled communities.",
    ],
    worksLessWell: [
      "Small local bodies trying to act in isolation, eg an increase in demand for translated information on local services can impose a major financial burden",
      "There is no central point into which information on new arrivals needs can be fed",
      "Lack of support for new migrants or communication with existing communities.",
    ],
    notes: [],
    source: src("a"),
  },
  b: {
    group: "b",
    kind: "Family group",
    heading: "Family group b) Stable less affluent urban areas with manufacturing decline",
    name: "Stable less affluent urban areas with manufacturing decline",
    types: [2],
    worksWell: [
      "A strategic and joined up approach expressed through a clearly articulated strategy and action plan, owned by partners with discrete projects grounded in this strategic framework, and mainstreamed",
      "A strategic framework to tackle social exclusion and deprivation",
      "Systems to encourage a representative workforce",
      "An ability to balance diverse, but often conflicting, interests in an area",
      "Projects to promote inter-community interaction",
      "A community development approach that builds active citizenship",
      "Promoting civic pride and a sense of belonging by using local people as cohesion champions and role models.",
    ],
    worksLessWell: [
      "Area sees cohesion as being addressed by having strong equality and diversity policies in place",
      "Some good project work, but it is disparate and projects have time-limited resources",
      "A lack of strategic communications to challenge myths, and create a sense of belonging, leaves space for extremists to fill the gaps.",
    ],
    notes: [
      "Less well 1 ≈ approach to avoid X01; less well 3 = X05.",
      "Shares \"Promoting civic pride and a sense of belonging…\" with c), and the strategic framework / representative workforce bullets with d) (slightly different wording).",
    ],
    source: src("b"),
  },
  c: {
    group: "c",
    kind: "Family group",
    heading: "Family group c) Stable less affluent urban areas (without manufacturing decline)",
    name: "Stable less affluent urban areas (without manufacturing decline)",
    types: [3],
    worksWell: [
      "There are tension monitoring processes",
      "Sophisticated communication and proactive relations with the media",
      "Tackling Far Right political activity is a priority",
      "Policies are 'cohesion-proofed' to check potential impact on different groups, and mitigating actions taken as a result",
      "Diversity is not just about non-white cultures",
      "Promoting civic pride and a sense of belonging by using local people as cohesion champions and role models.",
    ],
    worksLessWell: [
      "Lack of communication policy reinforces perceptions of lack of respect for other cultures, and/or the marginalisation of settled white community.",
    ],
    notes: ["Less well 1 = approach to avoid X06."],
    source: src("c"),
  },
  d: {
    group: "d",
    kind: "Family group",
    heading: "Family group d) Changing less affluent urban areas",
    name: "Changing less affluent urban areas",
    types: [4],
    worksWell: [
      "Cohesion is treated as core business and the difference between equality, diversity, inclusion and cohesion is clearly articulated in strategies, action plans and practice",
      "There is vision, cross party support and political will, alongside effective partnerships, and community ambassadors to create respect and belonging for all",
      "There is a co-ordinated approach to building the capacity of staff employed to lead and deliver cohesion to ensure consistency",
      "There is a strategic framework to tackle social exclusion and deprivation",
      "There are systems in place to encourage a representative workforce",
      "Changes in community dynamics, perceptions of residents, and the social networks are tracked",
      "The international profile of both the population and businesses is mainstreamed across services (eg housing welcome packs hook up migrants to residents' and other local organisations; citizenship teaching in schools has a global sense; festivals and art and leisure events cover all communities; and migrant employees act as ESOL mentors in the workplace)",
      "There are welcome packs for new migrants",
      "There is a sophisticated communication strategy and proactive relations with the media",
      // Lower-case "local" is the document's.
      "local bodies actively promote and facilitate interaction",
      "A vibrant voluntary, community and faith sector often plays a key role in integrating, bonding and mediating on relevant local issues.",
    ],
    worksLessWell: [
      "Consultation processes are in place, indicating a high level of satisfaction with services, but there is little or no consultation with hard to reach groups, new arrivals or potential users",
      "There is no clear communication strategy or processes for the speedy countering of myths",
      "Community organisations are fragile and may close, leaving gaps in networks that could have been used for communication and strengthen cohesion.",
    ],
    notes: ["Less well 1 ≈ approach to avoid X03 (which drops \"indicating a high level of satisfaction with services\"); less well 3 = X07."],
    source: src("d"),
  },
  e: {
    group: "e",
    kind: "Thematic group",
    heading: "Thematic group e) Areas with tensions arising from a single issue",
    name: "Areas with tensions arising from a single issue",
    types: [5, 6, 7, 8, 9],
    worksWell: [
      // Decision A16: the source prints this as two bullets ("…including efforts to engage" /
      // "Traditionally excluded/'hard to reach' communities"); joined here into one item.
      "Local bodies have strong engagement processes, including efforts to engage traditionally excluded/'hard to reach' communities",
      "Changes in communities are being tracked",
      "There are processes in place to support (often aspiring) BME communities moving into mainly-white areas",
      "Targeted action with young men",
      "Communication efforts focus on community reassurance and myth busting",
      "Elected members demonstrate a strong community leadership through a mediating role",
      "There are bridges between community organisations.",
    ],
    worksLessWell: [
      "Community strategies do not include forward and resilience planning",
      "Lack of communication strategy",
      "The VCS is weak.",
    ],
    notes: [
      "Decision A16: the first \"works well\" item joins a bullet the source splits in two (8 printed bullets → 7 items).",
      "No rule or data item identifies group e); it is a user assertion for an area of type 5–9 (decision A9).",
      "Less well 1 = approach to avoid X04; less well 3 ≈ X08.",
    ],
    source: src("e"),
  },
};

/** The group keys in document order. */
export const FAMILY_GROUP_KEYS: readonly FamilyGroup[] = ["a", "b", "c", "d", "e"];
