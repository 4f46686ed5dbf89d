/**
 * Building cohesive communities – an LGA guide (LGA, 2019): its recommended actions ("action lines",
 * close paraphrases quoting the guide's key phrases) and checklists (the guide's own lists, verbatim),
 * section by section in guide order. Each record's id, section, order and source are derived here from
 * its place in the list, so a section is named once.
 */
import type { LgaChecklistItem, LgaRecommendation } from "../../recommender/types";
import { lgaSource } from "./sections";

type Entry = Pick<LgaRecommendation, "code" | "kind" | "title" | "items">;

/** The leadership role each Local leadership section is about: the `label` of its action lines. */
const ROLE: Readonly<Record<string, string>> = { "LL.1": "place", "LL.2": "community", "LL.3": "political" };

/** An action line: the guide's advice in a sentence or two, quoting its words. */
const action = (code: string, title: string, extra: { items?: readonly LgaChecklistItem[] } = {}): Entry => ({
  code,
  kind: "action",
  title,
  items: extra.items ?? [],
});

/** A checklist: a statement of what the list is for, then the guide's items, verbatim. */
const checklist = (code: string, title: string, items: readonly LgaChecklistItem[]): Entry => ({ code, kind: "checklist", title, items });

/** [section key, its action lines and checklists in guide order]. */
const BY_SECTION: readonly (readonly [string, readonly Entry[]])[] = [
  ["LL.1", [
    action("A-LL-01", "Shape \"a local identity and vision, so that whatever an individual's faith, ethnicity, socio-economic background or neighbourhood, a key commonality is that people identify with their local area\"."),
    action("A-LL-02", "\"In times of stress, concern or conflict, this means taking a very visible leadership role so that everyone – residents and staff alike – is clear that the council sees cohesion as an important issue, and knows what the council's view is.\""),
    action("A-LL-03", "Use vision and strategy documents and the council's \"capacity to act as a convenor of local partners and communities\"."),
  ]],
  ["LL.2", [
    action("A-LL-04", "Councillors convene \"local forums that bring different groups together\" and ensure the views of their communities are represented in the council's wider work."),
    action("A-LL-05", "Neighbourhood or area-based teams \"provide support and intelligence\" to councillors. Councillors may need \"conflict resolution or mediation\" skills."),
    action("A-LL-06", "Make councillors \"reflective of the communities they serve\" (LGA Be a Councillor campaign). Support community organisers (ICS: Community Organisers Expansion Programme, +3,500 by March 2020)."),
    action("A-LL-07", "Devolve ward budgets with community plans (Rotherham: a neighbourhood officer and £23,000 per ward, reported back to Full Council)."),
  ]],
  ["LL.3", [
    action("A-LL-08", "Embody and promote British values and do not shy away from \"difficult conversations or messages where practices in local communities threaten to or actually deny individuals their basic rights or break the law\"."),
    action("A-LL-09", "\"There is undoubtedly a role for councils in leading local conversations about what are acceptable standards and practices in modern Britain.\""),
    action("A-LL-10", "Mind the language councillors use, including on social media."),
    action("A-LL-11", "Give members, \"particularly newly elected councillors\", corporate guidance and training with these messages: \"that tough or difficult messages need to be addressed respectfully and responsibly; that councillors need to balance political partisanship with civic leadership and inclusiveness; and about the importance of listening and understanding residents' concerns on these issues.\""),
    action("A-LL-12", "Tackle FGM, forced marriage and so-called \"honour-based\" abuse with a multi-agency pledge and steering group, as Leeds did. The pledge's initiatives \"promote ways of safeguarding children and adults at risk, increase public awareness, influence social change, develop effective support and responses for victims, and develop workforce capacity and capability\"."),
    action("A-LL-13", "Act where councillors' behaviour falls short of acceptable standards. Raise concerns with parties so that seeking political advantage does not \"inadvertently undermine cohesion\"."),
  ]],
  ["KT.1", [
    checklist("CL-KT1-COVER", "Set out a vision or strategy for community cohesion, covering the points the guide lists.", [
        { text: "the aspiration for local places, in terms of cohesiveness, opportunity and prosperity" },
        { text: "how cohesion is understood, measured and tracked" },
        { text: "shared values" },
        { text: "the rights, responsibilities and obligations of residents" },
        { text: "relationships and engagement between different parts of the local community" },
        { text: "civic participation" },
        { text: "support for and integration of newcomers to the community" },
        { text: "tackling specific challenges, around deprivation or cohesion" },
        { text: "the role of the council in supporting the agenda" },
        { text: "the role and involvement of the local community" },
        { text: "specific support for vulnerable or unrepresented groups (this will vary from area to area)" },
        { text: "working with partners." },
      ]),
  ]],
  ["KT.2", [
    action("A-KT2-01", "Identify metrics, set a baseline and track progress."),
    action("A-KT2-02", "Use the LG Inform cohesion and integration report: 4 indicators, benchmarked against CIPFA near neighbours."),
    action("A-KT2-03", "Assemble council-held data (population and diversity, deprivation, English proficiency, attainment, school segregation, labour market, income and welfare, economy, housing, hate crime) and proxies (equalities, civic participation, trust)."),
    action("A-KT2-04", "Run a residents' survey using the LGA model questionnaire, including the \"get on well together\" question. Ask it at ward level and council-wide (Luton)."),
    action("A-KT2-05", "Use external sources: Integration Hub, OriginsInfo, Migration Observatory, Ethnicity Facts and Figures."),
    action("A-KT2-06", "Set up tension monitoring as an early warning system, for example an online public reporting form (Dudley)."),
  ]],
  ["KT.3", [
    checklist("CL-KT3-PSED", "Meet the public sector equality duty, which requires councils to pursue its three aims.", [
        { text: "eliminate unlawful discrimination, harassment and victimisation and other conduct prohibited by the Equality Act 2010" },
        { text: "advance equality of opportunity between people who share a protected characteristic and those who do not" },
        { text: "foster good relations between people who share a protected characteristic and those who do not." },
      ]),
    checklist("CL-KT3-EFLG", "Use the Equality Framework for Local Government (EFLG), \"a self-assessment tool that enables councils to benchmark their performance\", in its five areas.", [
        { text: "knowing your communities" },
        { text: "leadership, partnership and organisational commitment" },
        { text: "involving your communities" },
        { text: "responsive services and customer care" },
        { text: "a skilled and committed workforce." },
      ]),
    action("A-KT3-01", "Publish specific, measurable equality objectives, including one \"outlining specific activity to promote integration\" (ICS)."),
    action("A-KT3-02", "Self-assess against the EFLG's five areas."),
    action("A-KT3-03", "Manage trade-offs between cohesion (community level) and equalities (individual or group level): \"councils need to ensure that their work is robustly evidence based and that they are open and transparent in both delivering and explaining their work.\""),
    action("A-KT3-04", "Recognise disadvantage that does not follow protected characteristics, for example \"poorer White British households falling behind in educational attainment\"."),
  ]],
  ["KT.4", [
    action("A-KT4-01", "Decide \"how cohesion can be considered across the partnership structures that are already in place, or whether to develop new ones\"."),
    action("A-KT4-02", "Help partners \"understand and explicitly recognise their role in supporting cohesion\"."),
    action("A-KT4-03", "Use information-sharing mechanisms across agencies to understand tensions."),
    action("A-KT4-04", "Use trusted organisations to reach harder-to-reach communities: \"schools can provide a basis for engaging with local communities, while the fire service is a trusted brand\"."),
    action("A-KT4-05", "Keep up regular engagement, \"genuine dialogue, openness and involvement\". Trust takes time (\"hard yards\")."),
    action("A-KT4-06", "An independently chaired, multi-agency place partnership (Shirebrook Forward NG20; Bradford Stronger Communities Partnership, chaired by the Bishop of Bradford)."),
    checklist("CL-KT4-VCS-FIRST-STEPS", "Take the \"key first steps\" in working with the voluntary and community sector (VCS).", [
        { text: "understand what groups exist" },
        { text: "make an assessment of local voluntary and community sector capacity" },
        { text: "determine how the sector can contribute at a strategic level as well as through the delivery of localised support." },
      ]),
    action("A-KT4-07", "Build \"a basic, institutional understanding of the particular characteristics of the communities they represent\"."),
    action("A-KT4-08", "Representativeness check: \"establish how far an individual or specific group's remit goes in relation to the community as a whole, and seek to establish additional contacts where groups or parts of communities remain unrepresented. Councils need to be clear that people claiming to speak on behalf of a community are genuinely representative of the community, in terms of age, gender and background\". Watch for \"community elders in areas where the population they apparently represent is much younger\"."),
    action("A-KT4-09", "Ward councillors should \"understand the broad range of VCS partners in their area\"."),
    action("A-KT4-10", "Funding practice: \"avoid creating unnecessary bureaucracy (such as excessive application forms)\". Make sure \"capacity or other (eg language) barriers do not prevent good organisations from receiving funding\". Offer in-kind support: \"facilities support, capacity building and assisting them with applications for funding.\""),
    action("A-KT4-11", "Co-produce with the VCS, minding two challenges: \"the need for councils to share power in a meaningful way and respect the outputs that co-production generates, and secondly, the time it can take to develop.\""),
    action("A-KT4-12", "Participatory and deliberative democracy (Civil Society Strategy 2018; Innovation in Democracy programme)."),
  ]],
  ["KT.5", [
    checklist("CL-KT5-COMMISSIONING", "Consider cohesion throughout the commissioning cycle, asking these questions at each stage.", [
        { text: "Does the needs analysis for goods and services reflect the diversity of people's different backgrounds and circumstances and any specific cohesion challenges?", group: "Analyse" },
        { text: "What is our vision for community cohesion in the local area? How will this be delivered?", group: "Analyse" },
        { text: "How can the service help us to improve our community cohesion outcomes?", group: "Analyse" },
        { text: "What services do we provide already that could be commissioned in a different way to help improve community cohesion?", group: "Analyse" },
        { text: "Are our communities included in defining the development of services and creation of opportunities that promote cohesion and aspiration?", group: "Plan" },
        { text: "Gap analysis – how close are we to the vision and strategy we set out and how can the service we want to commission move us closer to it?", group: "Plan" },
        { text: "How are community cohesion outcomes identified in our market development and market shaping programmes?", group: "Do" },
        { text: "Have we realised all the community cohesion benefits we identified through the commissioning cycle?", group: "Do" },
        { text: "Are our communities represented in the council's work/delivery of this service?", group: "Do" },
        { text: "What outcomes did we achieve and what has been the impact of what we have done?", group: "Review" },
        { text: "Are our communities more cohesive? What has been the effect on socio-economic development?", group: "Review" },
        { text: "What do we need to learn for next time?", group: "Review" },
      ]),
    action("A-KT5-01", "Social Value Act 2012: \"statutory duty for councils to consider how they achieve social value in all contracts for services over £160,000\"."),
    action("A-KT5-02", "ICS warning: grants and contracts for \"the particular needs of specific groups without requiring that the services or groups are linked with the wider community … may have exacerbated segregation\". Therefore \"consider broader cohesion implications at an early stage\"."),
    action("A-KT5-03", "Due diligence: \"to ensure that funding is not awarded to groups with links to extremists.\""),
    action("A-KT5-04", "Build cohesion outcomes into \"much larger council contracts that do not have cohesion as a specific focus … there is arguably a duty to do so.\""),
    action("A-KT5-05", "Youth-led commissioning (Norfolk Youth Advisory Boards, \"Young Commissioners\"): needs analysis, open call for proposals evaluated by young people."),
  ]],
  ["KT.6", [
    checklist("CL-KT6-WHO", "Be clear who you are engaging with.", [
        { text: "Engagement should target different gender, generational, ethnic, faith, sexuality, disability and socio-economic groups, as well as focus on different areas and wards within the local borough. This engagement should be active and ongoing, and tailored to the needs of different groups in terms of location, medium and tone." },
      ]),
    checklist("CL-KT6-VALUES-MODES", "Tailor how you engage, using values modes segmentation to reach settlers, prospectors and pioneers.", [
        { text: "settlers – who tend to be older, socially conservative and security conscious" },
        { text: "prospectors – who are motivated by success, status and recognition and tend to be younger and more optimistic" },
        { text: "pioneers – whose views are governed by values of collectivism and fairness." },
      ]),
    action("A-KT6-01", "Be willing, with councillors leading, to \"talk openly about a range of subjects, including potentially difficult and challenging issues\"."),
    action("A-KT6-02", "Stay close enough to communities to be \"in touch with the prevailing mood\", and be aware \"of specific issues or any escalating tensions\"."),
    action("A-KT6-03", "Resource allocation transparency / myth-busting: \"be open and transparent about the process for allocating local resources, including being pro-active about myth-busting inaccurate perceptions of how resources are allocated (for example, the allocation of social housing to new residents or migrants)\"."),
    action("A-KT6-04", "Engage on cohesion even in mono-cultural areas: \"some councils report significant fear of migration in areas that are generally mono-cultural\". Bridge referendum divisions by addressing underlying issues \"such as inequality of opportunity\"."),
    action("A-KT6-05", "Facilitated intra- and then inter-community dialogue (WIYN)."),
    action("A-KT6-06", "Between communities: use engagement to find common concerns (\"health services, housing, schools, litter and other issues\"). Hold borough-wide events. Promote contact \"at periods of transition in their lives – such as being a teenager, or starting a family\" (The Challenge)."),
    action("A-KT6-07", "Civic ambassadors programme (Believing in Bradford)."),
  ]],
  ["KT.7", [
    checklist("CL-KT7-PRINCIPLES", "Follow the guide's communications principles for what messages should do.", [
        { text: "reflect corporate priorities and strategy, have a clarity of purpose, reflect the organisation's values, be based on evidence and insight (particularly in relation to how communities receive information and more importantly, would prefer to). They should also be evaluated and owned by everyone across the organisation." },
      ]),
    action("A-KT7-01", "Integrate communications with the engagement strategy. Promote \"positive stories of communities working together\" and combat \"negative or inaccurate reporting\"."),
    action("A-KT7-02", "Balance proactive and reactive communications: embed cohesion messages in day-to-day proactive messaging."),
    action("A-KT7-03", "In tension or crisis, communicate \"transparently and with sensitivity\" with all affected stakeholders: \"face-to-face messaging, media liaison, digital updates or through council publications\"."),
    action("A-KT7-04", "Use a broad channel mix. Understand the local media landscape, given dwindling newspaper circulations. Use specialist community newspapers, community TV and radio, online community groups, e-bulletins and social media."),
    action("A-KT7-05", "Internal communications: staff as ambassadors. Materials should \"reflect the full diversity of an organisation and local area\" and be \"in plain English\"."),
    action("A-KT7-06", "Run an anti-rumour strategy in three stages, as Limerick did: research the most common myths, communicate the facts, and train local stakeholders.", { items: [
        { text: "research – identifying the most common myths and misconceptions on aspects of migration and generating reliable and factual information to counter these in a local context" },
        { text: "communication – presenting the facts in a creative and accessible way to inform the public and provide evidence-based answers to common misconceptions" },
        { text: "training – inviting a wide range of local stakeholders to attend workshops and training sessions, to develop their understanding of migrant rights, statistics, and cultures; facilitation skills; and access to free resources which can be used for their own anti-rumour initiatives." },
      ] }),
  ]],
  ["KT.8", [
    checklist("CL-KT8-SCRUTINY", "Use scrutiny to review and challenge the council's cohesion work, in the ways the guide suggests.", [
        { text: "reviewing council documents to consider how effectively cohesion issues are incorporated in the delivery of council plans, strategies and services" },
        { text: "providing critical support and challenge to the role of the executive with regards to cohesion work as necessary" },
        { text: "reviewing the training and support available to councillors in undertaking cohesion and community leadership roles" },
        { text: "assessing and monitoring the council's partnerships and relationships with local groups and how these impact on cohesion" },
        { text: "scrutinising specific cohesion action plans and work streams, and" },
        { text: "considering how cohesion issues can be mainstreamed into ongoing overview and scrutiny work, rather than viewed as a discrete topic." },
      ]),
    action("A-KT8-01", "Make cohesion \"everybody's responsibility\" at officer and councillor level. In Luton, \"all of the council's portfolio holders have community cohesion as part of their responsibilities.\""),
    action("A-KT8-02", "ICS: review policies and services \"to assess whether they exacerbate segregation or if they could be developed to drive integration instead\"."),
    action("A-KT8-03", "Run a cross-party commission or scrutiny review (Westminster Community Cohesion Commission; Luton \"Sticking Together\" 2003 and 2011 Commission on Community Cohesion; Greater Manchester review; Lincoln review of poverty; Wigan Deal)."),
  ]],
  ["SA.1", [
    action("A-SA1-01", "Health visiting at transition points: use the universal home-visiting service (\"five visits\") to link families to services and community activities. Health visitors are \"the only universal service that includes visits at home\"; they work with \"midwives, general practice, children's centre staff and other pre-school facilities\". Views and beliefs form early: \"the values modes approach suggests younger generations are more open than their older counterparts\"."),
    action("A-SA1-02", "Promote take-up of the 30 hours / 15 hours free childcare \"across the whole of their communities\". Encourage nurseries to involve parents."),
    action("A-SA1-03", "Withhold free-entitlement funding from a nursery that does not actively promote fundamental British values, or that promotes as fact views contrary to established scientific or historical evidence.", { items: [
        { text: "is not actively promoting fundamental British values of democracy, the rule of law, individual liberty and mutual respect and tolerance of those with different faiths and beliefs; or" },
        { text: "is promoting as fact views or theories which are contrary to established scientific or historical evidence and explanation." },
      ] }),
    action("A-SA1-04", "Use children's centres to bring communities together. Check that take-up reflects local communities."),
    action("A-SA1-05", "Engage Roma or other newly arrived families in early years, as St Edmund's Nursery does: with staff from their backgrounds, an understanding of parents' experiences, and activities that bring parents into the school.", { items: [
        { text: "employ staff from central, eastern European and Roma backgrounds" },
        { text: "understand Roma parents' experiences of education and discrimination in their home countries" },
        { text: "provide opportunities to engage parents in additional activities in the school, including parenting classes, English as a second language (ESOL) provision and a Dad's support club." },
      ] }),
    action("A-SA1-06", "Schools should already offer a curriculum promoting tolerance, respect for diversity, knowledge of different faiths and British values; \"tackling bullying or racial harassment\"; and opportunities to mix with others from different backgrounds, within or across schools."),
    action("A-SA1-07", "Work to \"ensure that all maintained schools are good or outstanding, whichever community they serve.\""),
    action("A-SA1-08", "Admissions: make sure council admissions criteria \"reflect local areas and help promote cohesion and integration through the fair use of banding or catchment areas\". Governors should publish intake data and trends (The Challenge/iCoCo/SchoolDash). The ICS will develop model admissions arrangements in integration areas."),
    action("A-SA1-09", "Convene head teachers' forums. Offer training and curriculum resources (British values, digital resilience, lesson plans on cohesion)."),
    action("A-SA1-10", "Weekly pupil votes to create a whole-borough school network (VotesforSchools)."),
    action("A-SA1-11", "Use schools to reach parents, for example language learning for non-EU mothers (Parents' Integration through Partnership)."),
    action("A-SA1-12", "Out-of-school settings / home education: \"develop as much local intelligence as possible about local home and supplementary schooling, and work closely with DfE and Ofsted\". LGA asks: a legal duty to register home-schooled children, and funded powers to enter homes or see children. Be alert to links between out-of-mainstream education and \"county lines\".", { items: [
        { text: "The Casey Review (quoted) raised Ofsted concerns about \"the wellbeing of children in segregated, supplementary and unregistered, illegal faith schools – where pupils are not getting opportunities to mix with children from different backgrounds or gain from a properly rounded education, where squalid and unsafe conditions exist and where staff have not been vetted to work with children\"." },
        { text: "The Government's current approach, about which the LGA is \"concerned that the proposals … will not be sufficient\", is \"developing further evidence and best practice to inform a national approach; the Integrated Communities Strategy Green Paper proposals on developing guidance on multi-agency working on this issue; a voluntary safeguarding code of practice for out of school settings, and more guidance for parents on making informed choices.\" It also includes work with Ofsted against illegal schools and changes to which institutions must register." },
      ] }),
    action("A-SA1-13", "Youth services: \"understand and map existing local provision and help ensure this is coordinated and meeting the needs of young people locally\". Use NCS. Use Youth Offending Teams for diversion. Youth services have a role in \"bringing young people together, helping to instil a sense of investment in the local area, providing a gateway to accessing further support, and, in the cases of some vulnerable individuals, potentially diverting them from undermining cohesion and integration through becoming involved in extremism or crime.\" The LGA has \"a new vision for council involvement in local youth services\"."),
    action("A-SA1-14", "Family services: \"Assurance should be provided via data showing that the take-up of services reflects the communities in the area and that these services actively promote cohesion.\""),
  ]],
  ["SA.2", [
    action("A-SA2-01", "Adopt \"'addressing loneliness' as an outcome measure\" in the JSNA and JHWS."),
    action("A-SA2-02", "Targeted health promotion for disadvantaged and vulnerable groups (Aylesbury: \"people on low incomes, black and ethnic minority groups, older people, children and young people, people with emotional wellbeing issues and people living in isolated circumstances\")."),
    action("A-SA2-03", "Proactive check-in calls to isolated tenants (Tower Hamlets Homes: \"every six weeks\")."),
    action("A-SA2-04", "Pop-up drop-ins at village halls and pubs (Sevenoaks)."),
  ]],
  ["SA.3", [
    checklist("CL-SA3-KEY-ROLES", "Play the key roles councils have in inclusive growth, skills and employment.", [
        { text: "understanding the local economy, skills needs and gaps" },
        { text: "developing economic growth and development strategies which include skills and employment and European funding" },
        { text: "supporting growth and investment in new and existing businesses, including through business support services" },
        { text: "generating jobs through growth and regeneration interventions" },
        { text: "working with colleges and training providers to ensure that local people have the skills that they and local businesses need, and access to employment advice" },
        { text: "designing and delivering their own skills and labour market interventions to support residents who for one reason or another have not benefited from national interventions" },
        { text: "improving infrastructure, for example through improved transport or broadband provision" },
        { text: "enhancing the quality of life for their communities and making local areas more attractive to consumers and business investment." },
      ]),
    checklist("CL-SA3-KEY-CHALLENGE", "Bring the strands of inclusive growth together.", [
        { text: "acting as an exemplar local employer by attracting apprentices including from vulnerable and/or disadvantaged backgrounds" },
        { text: "working with Jobcentre Plus to seek co-commissioning of the Flexible Support Fund" },
        { text: "understanding the skills profile of residents and the current and future skills businesses need, knowledge of vacancies and supply-side challenges, and addressing skills mismatches" },
        { text: "mapping provision to improving employability skills – particularly basic English and numeracy and English as a second language (ESOL) provision (see later section)" },
        { text: "promoting traineeships and apprenticeships as pathways to careers, and engaging further education and adult education providers so that curriculums are informed by the current and future needs of the local labour market and young people and adults are supported into clear pathways to improved educational attainment" },
        { text: "improving links with universities to open up opportunities to access" },
        { text: "delivering targeted community learning to neighbourhoods" },
        { text: "working with businesses to inform a curriculum relevant to the labour market" },
        { text: "for those furthest from employment, working with relevant agencies to bring together money management, housing, childcare, employment and skills advice" },
        { text: "building voluntary and community sector capacity to ensure better engagement with those communities that do not access statutory services." },
      ]),
    checklist("CL-SA3-INCLUSIVE-EMPLOYER", "Use the LGA's resources for councils as inclusive employers.", [
        { text: "an annual workforce survey to report and benchmark diversity in leadership" },
        { text: "supporting councils to adopt agile and flexible working cultures to be inclusive of a range of people with different experiences and different needs to work with us in different ways and give councils greater access to a wider pool of talent through our Timewise Councils programme" },
        { text: "engaging with a range of government departments to run Return to Work programmes to encourage more women to come back to work in our range of professional roles" },
        { text: "building councils' resources to support the recruitment and retention of more people with disabilities and mental health problems – the LGA is a Disability Confident Leader, qualified to help councils to develop their working practices to recruit and manage more disabled people" },
        { text: "providing national pay negotiations and resources to support equal pay and help councils to change their gender pay gap figures." },
      ]),
    action("A-SA3-01", "Look at transport to \"support the inclusion of less integrated neighbourhoods and communities into the wider economy\", and at the different skills needs of specific groups."),
    action("A-SA3-02", "Run an inclusive growth commission or scrutiny review."),
    action("A-SA3-03", "Map economic and skills data against population data: \"mapped against other population data, this data will clarify the challenges that specific groups are experiencing\" (Essex Evidence Base; youth opportunity index maps)."),
    action("A-SA3-04", "Make the workforce and councillors reflect the population. Increase ethnic minority apprenticeships (ICS)."),
    action("A-SA3-05", "Link SME support to integration. Around 6% of SMEs are minority-ethnic-led."),
    action("A-SA3-06", "Identify and address barriers to employment in specific communities. The ICS funds Jobcentre Plus in integration areas to \"identify communities where people are furthest from the job market\"."),
    action("A-SA3-07", "Make inclusive growth a key part of the Local Industrial Strategy (due by 2020)."),
  ]],
  ["SA.4", [
    checklist("CL-SA4-INTEGRATION-CITY", "Design housing for integration, following The Challenge's \"Integration City\" recommendations.", [
        { text: "Enhancing mixed tenure developments through pepper-potting (ie sprinkling) social homes amongst privately-owned housing, rather than creating separate blocks or areas." },
        { text: "Creating a 'tenure-blind' approach through reducing architectural distinctions between properties of different tenure types." },
        { text: "Enabling people to move between different properties in the same development as they age and their housing needs change by constructing properties of a range of types and sizes." },
        { text: "Including shared entrances, utilities and facilities for different tenure groups rather than segregated entrances or lifts, to facilitate interaction between different groups." },
        { text: "Building integrated play areas in mixed tenure developments to create opportunities for contact between children, and their parents, from different backgrounds." },
        { text: "Designing in opportunities for contact and interaction, through front gardens, spaces for social activities, (eg community halls or cafes), walkways and flexibly-designed community gardens that support a range of different activities." },
        { text: "Building-in amenities such as local shops." },
      ]),
    checklist("CL-SA4-HOUSEBUILDING", "Follow the LGA's \"Innovation in council housebuilding\" recommendations.", [
        { text: "develop a strategic framework that sets out the role and function of council housebuilding to address local issues" },
        { text: "ensure there is political commitment" },
        { text: "emphasise the added value of council housebuilding" },
        { text: "ensure that there is a full understanding of funding opportunities" },
        { text: "promote the exemplar role of council housebuilding in encouraging other developers to 'up their game' in terms of quality" },
        { text: "collaborate with housing associations and developers to address issues such as skills gaps" },
        { text: "work with adjoining councils and, where appropriate, combined authorities over joint initiatives, such as sharing expertise and funding." },
      ]),
    checklist("CL-SA4-HOMELESSNESS", "Look for scope to do more on homelessness, in the areas of work the guide lists.", [
        { text: "working with households at risk of homelessness at an earlier stage to prevent homelessness and to address the other issues like debt which may reduce resilience" },
        { text: "providing effective resettlement and tenancy sustainment services to homeless households placed in the private rented sector)" },
        { text: "working with other authorities to maximise the market power of councils to procure accommodation at a reasonable price" },
        { text: "converting buildings to temporary accommodation and developing new build hostels and local housing allowance rent private rental sector accommodation" },
        { text: "investigating innovative construction techniques such as re-deployable modular housing" },
        { text: "working creatively with partners inside and outside the local authority." },
      ]),
    action("A-SA4-01", "Co-produce plans with local people and work \"with residents and developers before planning applications are made\" (LGA *Supporting housing and growth*)."),
    action("A-SA4-02", "Provide a range of \"supported, adapted and specialist housing provision\"."),
    action("A-SA4-03", "Social landlord role: keep homes \"safe and decent\", take \"swift action to help social tenants feel safe\", \"responding quickly to complaints\". Tackle social housing stigma through design (2018 Green Paper *A new deal for social housing*)."),
    action("A-SA4-04", "Tenant engagement and empowerment (Hull Housing Academy; LGA 2019 report *Engaging and empowering tenants in social housing*)."),
    action("A-SA4-05", "PRS: mandatory HMO licensing and selective licensing (licence holders must be a \"fit and proper person\"). The LGA wants councils able to introduce selective licensing without Secretary of State approval."),
    action("A-SA4-06", "Set up a council-owned PRS company to raise standards (Birmingham InReach)."),
  ]],
  ["SA.5", [
    checklist("CL-SA5-PROGRAMME", "Develop culture and sport programmes with local partners, in the steps the guide lists.", [
        { text: "understand existing provision and take-up of services and opportunities" },
        { text: "establish what barriers there are for specific groups, for example, cost, geographic, perception etc" },
        { text: "engage communities in planning and delivering services" },
        { text: "ensure language and terminology is used appropriately and isn't off-putting for specific groups" },
        { text: "involve schools, for example through inter-schools events or considering how holiday activities can support this agenda/be mainstreamed throughout the year" },
        { text: "organise cultural events that promote inter-cultural and inter-faith understanding and respect" },
        { text: "implement an effective information and communication plan so people know what opportunities are available" },
        { text: "consider how to sustain positive outcomes and goodwill in the longer term, after the activity or programme has ended." },
      ]),
    action("A-SA5-01", "Run sport and culture as \"part of a planned programme of activities\". One-off events cannot by themselves address equality of opportunity."),
    action("A-SA5-02", "Target groups such as \"younger and older people, those from black and ethnic minority backgrounds, disabled people and residents of deprived neighbourhoods\" (Oxford). Lever in external funding."),
    action("A-SA5-03", "Hold large borough-wide events (half marathon, carnival, DAGFEST, City of Culture)."),
    action("A-SA5-04", "Make resident-led events easy: support for Fun Palaces and street parties, \"waiving or at least minimising fees for road closures and simplifying organisational processes\"."),
    action("A-SA5-05", "Use arts and food as place-making in regeneration areas. Turn disused buildings into community centres (Stoke Community Maker)."),
    action("A-SA5-06", "Resident-led cultural commissioning networks (Cultural Connectors)."),
    action("A-SA5-07", "Libraries as community hubs (\"By bringing parents together around a common theme at rhyme times or reading sessions, libraries can introduce people of different backgrounds who wouldn't otherwise meet\"): events for migrant communities with consulates, cultural awareness training for staff, stock and keyboards in community languages, \"Welcome to your library\" leaflets in community languages, assisted digital help with visas (Derbyshire)."),
    action("A-SA5-08", "Parks and open spaces: provide facilities and activities (sports, gardening clubs). Address the green space gaps in deprived and diverse wards (≥40% BAME)."),
  ]],
  ["SA.6", [
    action("A-SA6-01", "Educate newcomers about \"cultural norms and established behaviours\" (litter, spitting, congregating). Work with community hubs to help people \"understand when groups are, and are not, doing anything wrong\". The first response may be \"to educate rather than enforce\". Enforce where that fails."),
    action("A-SA6-02", "Respond quickly to issues such as \"removing racist graffiti\"."),
    action("A-SA6-03", "Multi-agency, co-located, street-level task force in the most deprived wards, with door-to-door work (Thanet MTF: 14 agencies)."),
    action("A-SA6-04", "Adapt waste services to HMO-dense areas: Euro-style on-street bins, seagull-proof bags, landlord education in several languages, enforcement against fly-tipping and trade waste, a waste forum (Thanet)."),
    action("A-SA6-05", "Selective licensing plus a dedicated enforcement team. Use compulsory purchase to convert problem bedsits into family homes (Thanet)."),
    action("A-SA6-06", "Disrupting extremists: a community premises (hall hire) protocol, \"a four-stage process\" (stages not listed); noise and pavement-obstruction powers against leafleting and loudhailers (Waltham Forest); civil injunctions under the Anti-Social Behaviour Crime and Policing Act 2014 (Bedfordshire Police/Luton v Britain First). Work closely with police."),
    action("A-SA6-07", "Modern slavery: multi-agency awareness training; joint operations with private sector housing, fire service and HMRC; intelligence sharing; a migrant workers action group; annual \"Week of action\" using powers of entry (Cornwall)."),
  ]],
  ["SA.7", [
    action("A-SA7-01", "Use Controlling Migration Fund (CMF) projects and share what they learn."),
    action("A-SA7-02", "Resettlement schemes (VPRS/VCRS): co-designed support, 5-year funding, ESOL, \"high levels of community support and engagement\"."),
    action("A-SA7-03", "Asylum dispersal and NRPF: recognise the cohesion risks of \"placement and churn of large numbers of people in more deprived areas\". Engage communities openly about destitution and begging: \"be open and upfront about their options\"."),
    action("A-SA7-04", "Modern slavery and \"beds in sheds\": explain exploitation to communities who resent its neighbourhood effects."),
    action("A-SA7-05", "ESOL: informal, conversational provision through libraries and the VCS. Target groups missed by Jobcentre Plus ESOL, such as people who \"have disabilities or medical issues; be at home supporting a family or with caring responsibilities rather than seeking employment; or who have moved to the UK for marriage.\" Provide crèche and childcare so parents can attend."),
    action("A-SA7-06", "Library ESOL support: host refugee teams (Norfolk); a women's conversation group (Suffolk \"Chat and Chill\"); host ESOL providers, list classes, dual-language Bookstart, library tours for refugee groups (Bolton)."),
    action("A-SA7-07", "Mayoral Combined Authorities (MCAs) and the GLA: use the devolved adult education budget (from April 2019) for tailored ESOL."),
  ]],
  ["TE.1", [
    action("A-TE-01", "Councils should \"show visible civic leadership, provide reassurance to local communities … and reinforce messages about local cohesion and shared values. Failing to provide this visible leadership can create a vacuum that can and will be filled by others\". Act quickly."),
    action("A-TE-02", "Plan ahead how partners will work together after an incident, and invest in relationships beforehand."),
    action("A-TE-03", "Know \"who the appropriate people are in their areas – whether that is faith leaders, community representatives, ward councillors or others – and how they could quickly convene them\". Representatives of different communities should \"publically come together to show unity\"."),
    action("A-TE-04", "Councillors and officers should be \"seen to be present and available, and visibly dealing with community concerns\". Resilience plans should include \"a plan on how they would expect to fulfil the community leadership role following an incident.\""),
  ]],
  ["TE.2", [
    action("A-TE-05", "Have proactive crisis communications plans setting out \"the audiences a council will need to reach during a crisis, a list of stakeholders to contact or work with during a crisis, and the channels to be used to communicate messages\". Liaise with mainstream media. Take account of different community groups and the best ways to reach them."),
    action("A-TE-06", "Monitor community tension, including social media, and correct \"inaccuracies or rumours\" (Manchester had a dedicated team)."),
    action("A-TE-07", "Follow Manchester's key lesson: \"not to wait for a trigger event before developing a local approach and building community links\"."),
    action("A-TE-08", "Have someone \"step back and say 'what does this feel like for our community?'\". Hold an open listening session with no agenda (Manchester did this three days after the attack)."),
    action("A-TE-09", "Promote hate crime reporting through the media and school visits (True Vision)."),
    action("A-TE-10", "Do a community impact assessment and build an action plan, as Greater Manchester did with four areas for action: community resilience and countering extremism, faith and diverse communities, youth leadership and resilience, and schools, colleges and universities.", { items: [
        { text: "Building community resilience and countering extremism" },
        { text: "Engaging and supporting faith and diverse communities" },
        { text: "Building youth leadership and resilience" },
        { text: "Supporting schools and the further/higher education sector and institutions." },
      ] }),
    action("A-TE-11", "Give small grants to affected groups (RADEQUAL, a campaign \"aimed at building community resilience to prejudice, hate and extremism\")."),
  ]],
  ["TE.3", [
    action("A-TE-12", "\"Where an incident risks provoking retaliatory attacks against specific communities, councils should work with the local community, police and other partners to consider what additional measures can be put in place to provide protection, reassurance and support.\" Do proactive prevention work."),
    action("A-TE-13", "Run a strategic hate crime prevention partnership. In Essex its members include Essex Police, the Office of the Police and Crime Commissioner, community voluntary services, community safety partnerships, schools and the Fire Service. It also uses social media (#StoptheHate) and third-party reporting centres."),
    action("A-TE-14", "Put hate crime reporting in the corporate plan with quarterly reports to cabinet. Fund VCS organisations to collect data and report. Offer a single email reporting address \"rather than by calling 111\". Monitor police performance: response within 24 h, a senior investigator within 7 days, a victim information booklet. Use restorative justice where possible (Rotherham)."),
    action("A-TE-15", "Targeted work with under-reporting groups, for example an ethnic minority women's project that builds social bonds and reporting confidence (REMA, Rotherham)."),
  ]],
];

/**
 * Action lines and checklists in guide order (section order, then the order within the section).
 * `order` breaks ties when the recommender ranks them.
 */
export const LGA_RECOMMENDATIONS: readonly LgaRecommendation[] = BY_SECTION.flatMap(([section, entries]) =>
  entries.map((e): LgaRecommendation => ({
    ...e,
    id: `LGA-${e.code}`,
    section,
    ...(ROLE[section] === undefined ? {} : { label: ROLE[section] }),
    wording: e.kind === "action" ? "paraphrase" : "verbatim",
    order: 0,
    source: lgaSource(section),
  })),
).map((r, i) => ({ ...r, order: i + 1 }));
