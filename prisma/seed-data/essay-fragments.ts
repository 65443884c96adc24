// Building blocks for the 13B demo class's essays and plans (prisma/seed-class.ts). Each
// question has a pool of paragraphs: introductions and conclusions in a weak and a strong
// version, and body paragraphs per factor in a descriptive and an analytical version. A
// student's essay is assembled from the pool according to the levels their work earns, so
// weaker essays read as weaker. A paragraph may carry the note a teacher would write on it;
// its quote must be a passage of that paragraph.

export type Strand = "analysis" | "knowledge" | "judgement" | "organisation";
export type FragmentNote = { quote: string; kind: "STRENGTH" | "TARGET"; strand: Strand; comment: string };
export type Fragment = { text: string; note?: FragmentNote };
export type BodyFactor = { factor: string; descriptive: Fragment; analytical: Fragment };
export type EssayPool = {
  intro: { weak: Fragment[]; strong: Fragment[] };
  body: BodyFactor[];
  conclusion: { weak: Fragment[]; strong: Fragment[] };
};

// Evidence for a plan: a point from the teacher's notes (found by a phrase in its text) or
// the student's own.
export type EvidenceSeed = { bank: string } | { own: string };
export type FactorFill = {
  evidence: EvidenceSeed[];
  argumentFor: string;
  argumentAgainst: string;
  miniJudgement: string;
  weight: number;
};
export type PlanSeed = {
  // Fills for the factors initialPlan seeds (the stated factor, or the claim and counter), in order.
  seeded: FactorFill[];
  // Factors a student adds: "other" factors, or for a claim question an area's case for and against.
  others: ({ name: string } & FactorFill)[];
  areas: { area: string; for: FactorFill; against: FactorFill }[];
  criteria: string[];
  judgement: { position: number; argument: string };
};

export const ESSAYS: Record<"virginLands" | "secretSpeech" | "transform" | "deStalinisation", EssayPool> = {
  virginLands: {
    intro: {
      weak: [
        {
          text: "The Virgin Lands Scheme was started by Khrushchev in 1954. It was a plan to grow more grain in Kazakhstan and Siberia. This essay will look at whether it was a success or not. There were some successes and some failures.",
          note: {
            quote: "This essay will look at whether it was a success or not.",
            kind: "TARGET",
            strand: "judgement",
            comment: "State your answer here: how far was it a success? Then the reader knows the line you will argue.",
          },
        },
        {
          text: "In 1954 Khrushchev launched the Virgin Lands Scheme to solve the USSR's food problems. Thousands of young people went to farm new land in the east. In some ways it was a success but in other ways it was not.",
          note: {
            quote: "In some ways it was a success but in other ways it was not.",
            kind: "TARGET",
            strand: "judgement",
            comment: "This sits on the fence. Which ways matter more, and why?",
          },
        },
      ],
      strong: [
        {
          text: "The Virgin Lands Scheme, launched in 1954, was a success in the short term, when it rapidly increased grain output, but judged by its own aim of solving the USSR's food problem for good it largely failed. By the early 1960s erosion and poor planning had undone much of the early gain, so its success was real but temporary.",
          note: {
            quote: "so its success was real but temporary",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "A clear line of argument from the first paragraph.",
          },
        },
        {
          text: "Khrushchev's Virgin Lands Scheme aimed to end the USSR's chronic grain shortages by ploughing up unused land in Kazakhstan and Siberia. This essay argues that it succeeded as an emergency measure and as propaganda, but failed as a long-term solution, because it rested on planning that the land could not sustain.",
        },
      ],
    },
    body: [
      {
        factor: "Grain output",
        descriptive: {
          text: "At first the scheme went well. Lots of new land was ploughed up and the harvest in 1956 was very big. The USSR grew much more grain than before and Khrushchev was very pleased. Exports of grain also improved. This shows it was a success.",
          note: {
            quote: "Lots of new land was ploughed up",
            kind: "TARGET",
            strand: "knowledge",
            comment: "How much land? A figure (about 36 million hectares by 1956) would make this precise.",
          },
        },
        analytical: {
          text: "The strongest case for success is the rapid rise in grain production. Around 36 million hectares were ploughed by 1956, and that year's harvest was a record of about 125 million tonnes, with the virgin lands providing roughly half of the grain the state collected. This mattered because it met the crisis Khrushchev inherited in 1953, so in the short term the scheme did exactly what it was designed to do.",
          note: {
            quote: "a record of about 125 million tonnes",
            kind: "STRENGTH",
            strand: "knowledge",
            comment: "Precise, well-chosen evidence that supports the point being made.",
          },
        },
      },
      {
        factor: "Erosion and decline",
        descriptive: {
          text: "However, later on there were problems. The soil got worn out and there were dust storms. The harvests went down and in 1963 the harvest was very bad. The USSR had to buy grain from other countries, which was embarrassing for Khrushchev.",
        },
        analytical: {
          text: "However, the early success was not sustained, which is the strongest argument against the scheme. Growing wheat year after year exhausted the thin soils, and by the early 1960s wind erosion was stripping topsoil from millions of hectares. When drought struck in 1963 the harvest collapsed and the USSR had to import grain from the West. The scheme's gains were bought at the cost of the land itself, so it failed its own long-term aim.",
          note: {
            quote: "The scheme's gains were bought at the cost of the land itself",
            kind: "STRENGTH",
            strand: "analysis",
            comment: "Good explanation of why the evidence matters, not only what happened.",
          },
        },
      },
      {
        factor: "Planning and infrastructure",
        descriptive: {
          text: "There were also problems with planning. There were not enough roads, storage or machines. Some grain rotted because there was nowhere to keep it. The volunteers lived in bad conditions in tents.",
          note: {
            quote: "Some grain rotted because there was nowhere to keep it.",
            kind: "TARGET",
            strand: "analysis",
            comment: "Explain the link: what does this tell us about how successful the scheme could be?",
          },
        },
        analytical: {
          text: "Poor planning also limited how successful the scheme could be, even in good years. The new farms lacked roads, storage and repair shops, so much of the record 1956 harvest was lost because it could not be dried, stored or moved in time. Fertiliser was scarce and machinery was rushed east at the expense of older farming regions. The scheme was run as a political campaign more than a planned investment, which explains why its results swung so much from year to year.",
        },
      },
      {
        factor: "Volunteers and propaganda",
        descriptive: {
          text: "The scheme also used young people from the Komsomol. Around 300,000 volunteers went to the virgin lands. They were told it was their patriotic duty. Many of them found life very hard and some went home.",
        },
        analytical: {
          text: "The scheme was also a success as propaganda and as a way of mobilising the young. Around 300,000 Komsomol volunteers went east in the first years, and the campaign presented farming the steppe as a heroic, patriotic task, which fitted Khrushchev's wish to show that socialism could deliver better lives. Yet many volunteers left because of the harsh conditions, so even this success was partly short-lived.",
        },
      },
      {
        factor: "Khrushchev's reputation",
        descriptive: {
          text: "Khrushchev also made farmers grow maize after he visited America. This did not work well because the climate was wrong. So Khrushchev's farming policies were not very good overall.",
          note: {
            quote: "Khrushchev also made farmers grow maize",
            kind: "TARGET",
            strand: "organisation",
            comment: "Is this about the Virgin Lands Scheme? Keep each paragraph on the question.",
          },
        },
        analytical: {
          text: "Finally, the scheme's success should be judged by what it did to Khrushchev's position. Because he had staked his reputation on agriculture, the decline of the virgin lands after 1960, together with the failed maize campaign, became evidence of his 'hare-brained schemes'. His colleagues cited agricultural failure when they removed him in 1964, so politically the scheme ended as a serious failure for the man who launched it.",
        },
      },
    ],
    conclusion: {
      weak: [
        {
          text: "In conclusion, the Virgin Lands Scheme was a success at first but later it was a failure. There were good points and bad points. Overall it was partly a success.",
          note: {
            quote: "There were good points and bad points.",
            kind: "TARGET",
            strand: "judgement",
            comment: "Reach a judgement: say how far, and why, rather than listing factors.",
          },
        },
        { text: "Overall, I think the Virgin Lands Scheme was a success because it grew a lot more grain, even though there were some problems later on." },
      ],
      strong: [
        {
          text: "Overall, the Virgin Lands Scheme was a success only to a limited extent. Judged by scale it achieved a great deal quickly, but judged by duration, the real test of Khrushchev's promise to feed the USSR, it failed: by 1963 the country was importing grain. Its success was real but short-lived, and its failure did lasting damage to the land and to Khrushchev.",
          note: {
            quote: "Judged by scale it achieved a great deal quickly",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "Explicit criteria (scale, duration) used to reach the judgement.",
          },
        },
        {
          text: "In conclusion, the scheme succeeded as an emergency measure and as propaganda but failed as a long-term solution. The decisive point is 1963: had it truly succeeded, the USSR would not have needed to buy grain abroad less than a decade after it began.",
        },
      ],
    },
  },

  secretSpeech: {
    intro: {
      weak: [
        {
          text: "In 1956 Khrushchev gave the Secret Speech at the 20th Party Congress. In it he criticised Stalin. This essay will explain how significant the Secret Speech was for the USSR.",
          note: {
            quote: "This essay will explain how significant the Secret Speech was for the USSR.",
            kind: "TARGET",
            strand: "judgement",
            comment: "Say how significant in your introduction, so the essay has a line of argument.",
          },
        },
        { text: "The Secret Speech was a speech made by Khrushchev in February 1956 where he attacked Stalin and the cult of personality. It was very significant because it changed a lot of things in the USSR." },
      ],
      strong: [
        {
          text: "Khrushchev's Secret Speech of February 1956 was highly significant for the USSR because it broke the taboo on criticising Stalin and opened the way to the end of mass terror. However, its significance had clear limits: it attacked Stalin, not the one-party system, and its shock waves in Eastern Europe led to repression as well as reform.",
          note: {
            quote: "it attacked Stalin, not the one-party system",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "A precise, balanced line of argument set out at the start.",
          },
        },
        { text: "Judged by its depth and its duration, the Secret Speech of 1956 was the most significant moment of de-Stalinisation. It changed what could be said about the past and sped up the release of prisoners, but it was never meant to change how the USSR was ruled, and that limited its impact." },
      ],
    },
    body: [
      {
        factor: "Breaking the Stalin myth",
        descriptive: {
          text: "In the speech Khrushchev said Stalin had created a cult of personality and had killed many loyal communists in the purges. The delegates were shocked and some people fainted. The speech was meant to be secret but it was soon read out at Party meetings across the country.",
          note: {
            quote: "some people fainted",
            kind: "TARGET",
            strand: "analysis",
            comment: "An interesting detail, but explain why the reaction matters for the speech's significance.",
          },
        },
        analytical: {
          text: "The speech was significant first because it broke the myth of Stalin. By denouncing the cult of personality and the purges of loyal Party members, Khrushchev made it possible to admit that the state had committed crimes, and by blaming one man he tried to restore the Party's legitimacy as the heir of Lenin. This was a deep change in the story the USSR told about itself, even though the speech said nothing of the millions of ordinary victims.",
          note: {
            quote: "by blaming one man he tried to restore the Party's legitimacy",
            kind: "STRENGTH",
            strand: "analysis",
            comment: "Good analysis of motive: why Khrushchev framed it this way.",
          },
        },
      },
      {
        factor: "The end of mass terror",
        descriptive: {
          text: "After the speech many prisoners were let out of the Gulag camps. Some people who had been killed were rehabilitated. The secret police became the KGB. People were less scared than they had been under Stalin.",
          note: {
            quote: "many prisoners were let out of the Gulag camps",
            kind: "TARGET",
            strand: "knowledge",
            comment: "Add precise evidence here: roughly how many, and by when?",
          },
        },
        analytical: {
          text: "Its most lasting significance was the retreat from mass terror. Releases had begun in 1953, but the speech sped them up: over a million prisoners had left the camps by 1960, and commissions rehabilitated many political prisoners, including prominent Old Bolsheviks. The KGB remained powerful but no longer used terror on the scale of the 1930s. This changed the relationship between the state and ordinary citizens for the rest of the Soviet period.",
          note: {
            quote: "over a million prisoners had left the camps by 1960",
            kind: "STRENGTH",
            strand: "knowledge",
            comment: "Accurate and relevant detail, used to support the argument.",
          },
        },
      },
      {
        factor: "Eastern Europe",
        descriptive: {
          text: "The speech also caused problems in Eastern Europe. In Poland and Hungary people wanted more freedom. In Hungary there was an uprising in 1956 and the Soviet army crushed it with tanks. Thousands of people died.",
        },
        analytical: {
          text: "However, the speech was also destabilising. News of it encouraged reformers in Poland and Hungary, and when the Hungarian uprising threatened to take Hungary out of the Warsaw Pact, Soviet tanks crushed it in November 1956. De-Stalinisation therefore had limits set by the need to keep control, and it handed Khrushchev's hardline critics an argument that his reforms were dangerous.",
        },
      },
      {
        factor: "The Anti-Party Group",
        descriptive: {
          text: "Some people in the Party did not like the speech, like Molotov and Malenkov. In 1957 they tried to remove Khrushchev but he survived because the Central Committee supported him.",
        },
        analytical: {
          text: "At home, the speech reshaped Soviet politics. Old Stalinists such as Molotov, Malenkov and Kaganovich, implicated in Stalin's crimes, tried to remove Khrushchev in 1957 as the 'Anti-Party Group'. He survived by appealing to the Central Committee, and his opponents were demoted rather than shot. That peaceful outcome was itself a sign of how far the speech had changed the rules of Soviet politics.",
          note: {
            quote: "That peaceful outcome was itself a sign",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "A mini-judgement that links the paragraph back to the question.",
          },
        },
      },
      {
        factor: "The cultural thaw",
        descriptive: {
          text: "There was also a thaw in culture. Writers could write more freely. Solzhenitsyn wrote One Day in the Life of Ivan Denisovich about the Gulag. But some books were still banned, like Doctor Zhivago.",
        },
        analytical: {
          text: "The speech also made the cultural thaw possible, though the thaw shows the limits of its significance. Once Stalin's crimes had been admitted, Solzhenitsyn's One Day in the Life of Ivan Denisovich could be published in 1962, yet Pasternak was forced to turn down the Nobel Prize in 1958 and Khrushchev attacked abstract artists in 1962. The speech widened what could be said, but the Party still decided where the line was.",
        },
      },
    ],
    conclusion: {
      weak: [
        {
          text: "In conclusion, the Secret Speech was very significant for the USSR because it criticised Stalin and led to lots of changes.",
          note: {
            quote: "led to lots of changes",
            kind: "TARGET",
            strand: "judgement",
            comment: "Which changes mattered most? Weigh them, using criteria such as depth and duration.",
          },
        },
        { text: "Overall the Secret Speech was significant in some ways but not in others. It led to good things like the prisoners being released but also bad things like Hungary." },
      ],
      strong: [
        {
          text: "In conclusion, the Secret Speech was highly significant for the USSR, but as a turning point in how the state treated its people rather than in how it was governed. Its effect on terror was deep and lasting, while its effects on politics and culture were real but reversible, as the clampdown after 1962 shows.",
        },
        { text: "Overall, judged by depth of impact and duration, the speech was the most significant event of the Khrushchev years: the end of mass terror outlasted him, even though the speech was limited by design and provoked crises in Eastern Europe." },
      ],
    },
  },

  transform: {
    intro: {
      weak: [
        {
          text: "Khrushchev was leader of the USSR from 1953 to 1964. He made lots of reforms in politics, the economy and society. This essay will look at whether these reforms transformed the USSR.",
          note: {
            quote: "This essay will look at whether these reforms transformed the USSR.",
            kind: "TARGET",
            strand: "judgement",
            comment: "Reach a judgement here: say how far, and why.",
          },
        },
        { text: "Khrushchev made many reforms after Stalin died. Some of them changed the USSR a lot, like de-Stalinisation, and some did not change much. I will explain both sides and then decide." },
      ],
      strong: [
        {
          text: "Khrushchev's reforms changed the USSR significantly in the way it was governed and in how ordinary people lived, but they did not transform it. Terror was reduced and living standards rose, yet the one-party state, the planned economy and Party control of culture survived intact, so by 1964 the USSR had been reformed rather than transformed.",
          note: {
            quote: "reformed rather than transformed",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "A clear line of argument that answers the question from the first sentence.",
          },
        },
        { text: "To judge whether Khrushchev transformed the USSR, change must be measured by how deep and how lasting it was. On that test his reforms brought real political and social change, above all the end of mass terror, but his economic and cultural reforms failed or were reversed, so the transformation was partial." },
      ],
    },
    body: [
      {
        factor: "Political change",
        descriptive: {
          text: "Politically Khrushchev changed the USSR with de-Stalinisation. In 1956 he made the Secret Speech and attacked Stalin. Lots of prisoners were released from the Gulag. The NKVD became the KGB.",
        },
        analytical: {
          text: "The clearest change was political. The Secret Speech of 1956 and the release of over a million prisoners from the Gulag ended the mass terror that had defined Stalin's rule, and Khrushchev's own survival in 1957 and peaceful retirement in 1964 showed that losing leaders were no longer killed. However, the Party kept its monopoly of power and the KGB still watched dissent, so the system was humanised rather than transformed.",
          note: {
            quote: "the system was humanised rather than transformed",
            kind: "STRENGTH",
            strand: "analysis",
            comment: "Good weighing of change against continuity within the paragraph.",
          },
        },
      },
      {
        factor: "Industry",
        descriptive: {
          text: "Khrushchev also changed the economy. He set up the sovnarkhozy in 1957 to run industry in the regions. He had a Seven-Year Plan in 1959. At first the economy grew but then it slowed down.",
          note: {
            quote: "At first the economy grew but then it slowed down.",
            kind: "TARGET",
            strand: "analysis",
            comment: "Explain what this tells us about how far the economy was transformed.",
          },
        },
        analytical: {
          text: "Economic reform changed much less. The sovnarkhozy of 1957 moved control of industry from Moscow ministries to over 100 regional councils, but this produced confusion and duplication rather than efficiency, and they were abolished in 1965. The Seven-Year Plan shifted some investment towards chemicals, housing and consumer goods, yet growth slowed after 1960. Because the command economy itself was never questioned, these were reorganisations, not a transformation.",
        },
      },
      {
        factor: "Agriculture",
        descriptive: {
          text: "In agriculture Khrushchev started the Virgin Lands Scheme in 1954. It grew more grain at first but then the soil was ruined. In 1963 the USSR had to buy grain from abroad.",
        },
        analytical: {
          text: "Agriculture shows the gap between ambition and result most clearly. The Virgin Lands Scheme brought around 36 million hectares into production and briefly raised output to record levels, but by 1963 erosion and drought forced the USSR to import grain. A reform that ends in dependence on Western grain cannot be called a transformation, except of Khrushchev's own reputation.",
          note: {
            quote: "A reform that ends in dependence on Western grain cannot be called a transformation",
            kind: "STRENGTH",
            strand: "judgement",
            comment: "A sharp mini-judgement, tied back to the question's key word.",
          },
        },
      },
      {
        factor: "Living standards",
        descriptive: {
          text: "Life for ordinary people got better under Khrushchev. New flats called khrushchyovki were built. People could buy more things like radios and fridges. Education was also improved.",
          note: {
            quote: "New flats called khrushchyovki were built.",
            kind: "TARGET",
            strand: "knowledge",
            comment: "How many? A figure here would show the scale of the change.",
          },
        },
        analytical: {
          text: "Social change was more substantial. The housing programme built prefabricated flats, the khrushchyovki, on a huge scale, so millions of families moved out of communal apartments into homes of their own for the first time. Radios, televisions and refrigerators became more available and secondary education was expanded. These changes lasted beyond 1964 and altered daily life deeply, which makes this the strongest case for transformation.",
        },
      },
      {
        factor: "Culture",
        descriptive: {
          text: "There was a cultural thaw. Some books that criticised Stalin were allowed, like One Day in the Life of Ivan Denisovich. But Khrushchev still censored some artists and writers.",
        },
        analytical: {
          text: "Cultural reform, by contrast, was limited and reversible. The thaw allowed Solzhenitsyn's One Day in the Life of Ivan Denisovich to appear in 1962, but Pasternak was hounded over Doctor Zhivago and Khrushchev himself denounced abstract art at the Manezh exhibition in 1962. Writers gained some room, but the Party still set the limits, which shows continuity with the Stalinist past.",
        },
      },
    ],
    conclusion: {
      weak: [
        {
          text: "In conclusion, Khrushchev's reforms changed the USSR in lots of ways but not in others. Some reforms worked and some did not.",
          note: {
            quote: "Some reforms worked and some did not.",
            kind: "TARGET",
            strand: "judgement",
            comment: "Your conclusion needs a supported overall judgement, with criteria for significance.",
          },
        },
        { text: "Overall I think Khrushchev did transform the USSR because he got rid of Stalin's terror and built lots of new flats, even though the economy did not do so well." },
      ],
      strong: [
        {
          text: "In conclusion, Khrushchev's reforms changed the USSR to a significant but limited extent. Measured by depth and duration, the end of mass terror and the housing programme were genuine and lasting changes, whereas the economic and cultural reforms were shallow or reversed. The USSR of 1964 was less fearful and better housed, but it was still a one-party state with a command economy.",
        },
        { text: "Overall, the decisive test is whether the changes outlasted Khrushchev. The end of terror and the new housing did; the sovnarkhozy, the cultural thaw and the agricultural gains did not. The transformation was therefore real in people's daily lives but limited in the structures of power." },
      ],
    },
  },

  deStalinisation: {
    intro: {
      weak: [
        {
          text: "Khrushchev was forced to resign in October 1964. There were many reasons for this, like de-Stalinisation, the economy and foreign policy. This essay will look at each one.",
          note: {
            quote: "This essay will look at each one.",
            kind: "TARGET",
            strand: "judgement",
            comment: "Say how far de-Stalinisation was the most significant factor, so your essay has a line of argument.",
          },
        },
        { text: "De-Stalinisation was one reason why Khrushchev fell from power in 1964, but there were also other reasons such as agriculture and the Cuban Missile Crisis. I will look at all of them." },
      ],
      strong: [
        { text: "De-Stalinisation made Khrushchev enemies, but it was not the most significant factor in his fall. What turned the Presidium against him in 1964 was his erratic leadership style, which made his failures in agriculture and foreign policy look like the result of one man's recklessness." },
        { text: "De-Stalinisation weakened Khrushchev's position in the Party, but his fall in October 1964 is better explained by his policy failures, above all in agriculture, and by a leadership style that alienated the very colleagues who removed him." },
      ],
    },
    body: [
      {
        factor: "De-Stalinisation",
        descriptive: {
          text: "De-Stalinisation began with the Secret Speech in 1956. Khrushchev said Stalin was a bad leader. This upset many Party members who had worked with Stalin. The Anti-Party Group tried to get rid of him in 1957.",
        },
        analytical: {
          text: "De-Stalinisation certainly created enemies. The Secret Speech of 1956 threatened everyone implicated in Stalin's crimes and provoked the Anti-Party Group's attempt to remove Khrushchev in 1957. But that attempt failed, and by 1964 the Stalinists had long been removed, so de-Stalinisation explains why Khrushchev had enemies rather than why he fell when he did.",
        },
      },
      {
        factor: "Agriculture",
        descriptive: {
          text: "Agriculture was another reason. The Virgin Lands Scheme failed after a few years. Khrushchev also told farmers to grow maize. In 1963 the harvest was bad and the USSR had to buy grain.",
        },
        analytical: {
          text: "Agricultural failure was more significant because it was recent and humiliating. The Virgin Lands Scheme declined after 1958, the maize campaign failed, and after the 1963 drought the USSR had to import grain from the West. Khrushchev had made agriculture his personal project, so its failure damaged his authority directly and was used against him in the Presidium in October 1964.",
        },
      },
      {
        factor: "Foreign policy",
        descriptive: {
          text: "In 1962 there was the Cuban Missile Crisis. Khrushchev put missiles on Cuba and then took them away. This made the USSR look weak. There was also the split with China.",
        },
        analytical: {
          text: "Foreign policy added to the case against him. Withdrawing the missiles from Cuba in 1962 avoided nuclear war, but the military and hardliners saw it as a humiliation, especially as the American missiles in Turkey were removed only in secret. Together with the open split with China, it made Khrushchev look reckless and then weak, and it alienated the military leaders whose support had saved him in 1957.",
        },
      },
      {
        factor: "Leadership style",
        descriptive: {
          text: "Khrushchev's leadership style also annoyed people. He made decisions on his own and did not listen to others. He split the Party into industrial and agricultural parts in 1962.",
        },
        analytical: {
          text: "Most significant was his leadership style, because it tied all the other failures to him personally. His rotation of officials threatened the careers of Party bosses, and the 1962 split of the Party into industrial and agricultural branches angered regional secretaries. By acting alone he broke the collective leadership he had promised, so in October 1964 the Presidium removed him for 'hare-brained scheming' and one-man rule.",
        },
      },
    ],
    conclusion: {
      weak: [
        { text: "In conclusion, de-Stalinisation was an important reason why Khrushchev fell but the other reasons were important too. All of them led to his fall." },
        { text: "So I think de-Stalinisation was the most important factor because it made lots of people in the Party angry with him." },
      ],
      strong: [
        { text: "In conclusion, de-Stalinisation was a long-term cause that created enemies, but not the most significant factor. The decisive reason was Khrushchev's leadership style, which turned agricultural and foreign policy failures into evidence that he could not be trusted to lead collectively." },
        { text: "Overall, de-Stalinisation mattered less in 1964 than in 1957. By then the case against him rested on recent failures and on the way he had imposed his policies, so his style of rule, not his attack on Stalin, best explains why colleagues he had promoted were willing to remove him." },
      ],
    },
  },
};

const EVERYDAY = ["everyday-scale", "everyday-duration", "everyday-depth"];

export const PLANS: Record<"virginLands" | "secretSpeech" | "transform" | "deStalinisation" | "cuba", PlanSeed> = {
  virginLands: {
    seeded: [
      {
        evidence: [{ bank: "grain output rose sharply" }, { bank: "Komsomol volunteers" }, { own: "About 36 million hectares ploughed by 1956; record harvest that year." }],
        argumentFor: "Output rose fast in the first years, which met the food crisis Khrushchev inherited in 1953.",
        argumentAgainst: "The record years were few, and partly down to good weather.",
        miniJudgement: "A real short-term success.",
        weight: 3,
      },
      {
        evidence: [{ bank: "soil depletion" }, { bank: "lack of infrastructure" }, { own: "1963: drought, grain imported from the West." }],
        argumentFor: "The gains did not last: erosion and drought meant the USSR was importing grain by 1963.",
        argumentAgainst: "Some of the new land stayed in production for decades.",
        miniJudgement: "Failed its long-term aim: this outweighs the early success.",
        weight: 4,
      },
    ],
    others: [],
    areas: [
      {
        area: "Political",
        for: {
          evidence: [{ own: "Presented as a patriotic adventure for the young: around 300,000 volunteers went east." }],
          argumentFor: "Great propaganda for Khrushchev and for socialism at first.",
          argumentAgainst: "",
          miniJudgement: "",
          weight: 2,
        },
        against: {
          evidence: [{ bank: "major embarrassment" }],
          argumentFor: "Its failure damaged Khrushchev's credibility and was used against him in 1964.",
          argumentAgainst: "",
          miniJudgement: "",
          weight: 3,
        },
      },
    ],
    criteria: ["everyday-scale", "everyday-duration"],
    judgement: { position: 40, argument: "A short-term success but a long-term failure: by 1963 the USSR was buying grain abroad." },
  },

  secretSpeech: {
    seeded: [
      {
        evidence: [{ bank: "denouncing Stalin’s cult of personality" }, { bank: "Gulag numbers fell" }, { bank: "rehabilitated" }],
        argumentFor: "Broke the Stalin myth and sped up the end of mass terror: over a million released by 1960.",
        argumentAgainst: "It attacked Stalin, not the one-party system; repression continued.",
        miniJudgement: "Very significant for how the state treated people, less for how it was ruled.",
        weight: 5,
      },
    ],
    others: [
      {
        name: "Unrest in Eastern Europe",
        evidence: [{ bank: "unrest in Hungary" }, { own: "Soviet tanks crushed the Hungarian uprising, November 1956." }],
        argumentFor: "Shows the speech destabilised the Soviet bloc.",
        argumentAgainst: "Control was restored quickly.",
        miniJudgement: "Significant but short-term.",
        weight: 3,
      },
      {
        name: "The Anti-Party Group",
        evidence: [{ own: "1957: Molotov, Malenkov and Kaganovich try to remove Khrushchev and fail." }],
        argumentFor: "Old Stalinists fought back, but lost and were demoted, not shot.",
        argumentAgainst: "",
        miniJudgement: "Shows the rules of politics had changed.",
        weight: 3,
      },
      {
        name: "The cultural thaw",
        evidence: [{ bank: "One Day in the Life of Ivan Denisovich" }],
        argumentFor: "More freedom for writers once Stalin's crimes were admitted.",
        argumentAgainst: "Reversed by the early 1960s clampdown.",
        miniJudgement: "Limited and reversible.",
        weight: 2,
      },
    ],
    areas: [],
    criteria: EVERYDAY,
    judgement: { position: 70, argument: "Highly significant for ending mass terror, which lasted; limited in changing how the USSR was governed." },
  },

  transform: {
    seeded: [
      {
        evidence: [{ bank: "Gulag numbers fell" }, { bank: "khrushchyovki" }, { own: "Peaceful retirement in 1964, not execution." }],
        argumentFor: "Mass terror ended and millions of families got their own flats.",
        argumentAgainst: "The Party kept its monopoly of power.",
        miniJudgement: "Real change in daily life.",
        weight: 4,
      },
      {
        evidence: [{ bank: "Authoritarianism remained intact" }, { bank: "long-term stagnation" }],
        argumentFor: "One-party state and command economy unchanged; sovnarkhozy abolished in 1965.",
        argumentAgainst: "Terror was not restored after him.",
        miniJudgement: "The structures of power were not transformed.",
        weight: 4,
      },
    ],
    others: [],
    areas: [
      {
        area: "Economic",
        for: {
          evidence: [{ bank: "over 100 regional councils" }, { bank: "consumer goods production" }],
          argumentFor: "Control of industry moved to the regions; more consumer goods.",
          argumentAgainst: "",
          miniJudgement: "",
          weight: 2,
        },
        against: {
          evidence: [{ bank: "fragmentation, duplication" }, { bank: "Economic performance slowed" }],
          argumentFor: "Confusion and slowing growth; reforms reversed after 1964.",
          argumentAgainst: "",
          miniJudgement: "Reorganisation, not transformation.",
          weight: 3,
        },
      },
      {
        area: "Cultural",
        for: {
          evidence: [{ bank: "One Day in the Life of Ivan Denisovich" }],
          argumentFor: "The thaw let writers criticise the Stalin era.",
          argumentAgainst: "",
          miniJudgement: "",
          weight: 2,
        },
        against: {
          evidence: [{ bank: "reasserted control over cultural expression" }],
          argumentFor: "Clampdown by the early 1960s.",
          argumentAgainst: "",
          miniJudgement: "",
          weight: 2,
        },
      },
    ],
    criteria: ["everyday-depth", "everyday-duration"],
    judgement: { position: 45, argument: "Reformed rather than transformed: deep change in daily life, little in the structures of power." },
  },

  deStalinisation: {
    seeded: [
      {
        evidence: [{ bank: "Secret Speech’ shocked delegates" }, { own: "1957: the Anti-Party Group's attempt to remove him fails." }],
        argumentFor: "Made enemies of everyone implicated in Stalin's crimes.",
        argumentAgainst: "The Stalinists were beaten in 1957, seven years before his fall.",
        miniJudgement: "A long-term cause, not the trigger.",
        weight: 2,
      },
    ],
    others: [
      {
        name: "Agricultural failure",
        evidence: [{ bank: "failure to deliver long-term gains in agriculture" }, { own: "1963: grain imported from the West." }],
        argumentFor: "Recent and humiliating, and his personal project.",
        argumentAgainst: "",
        miniJudgement: "More significant than de-Stalinisation.",
        weight: 4,
      },
      {
        name: "Foreign policy: Cuba and China",
        evidence: [{ bank: "Cuban Missile Crisis" }, { bank: "Embarrassing foreign policy blunders" }],
        argumentFor: "Looked reckless and then weak; alienated the military.",
        argumentAgainst: "Avoided nuclear war.",
        miniJudgement: "",
        weight: 3,
      },
      {
        name: "Leadership style",
        evidence: [{ bank: "Erratic and one-man rule" }, { own: "1962: Party split into industrial and agricultural branches." }],
        argumentFor: "Broke collective leadership and threatened officials' careers.",
        argumentAgainst: "",
        miniJudgement: "The most significant: it tied every failure to him.",
        weight: 5,
      },
    ],
    areas: [],
    criteria: ["everyday-depth"],
    judgement: { position: 25, argument: "Not the most significant: his one-man style turned policy failures into a case for removing him." },
  },

  cuba: {
    seeded: [],
    others: [
      {
        name: "The USSR's military weakness",
        evidence: [{ own: "The USA had many times more long-range missiles than the USSR in 1962." }],
        argumentFor: "Khrushchev could not win a real confrontation, so he had to back down.",
        argumentAgainst: "Missiles on Cuba partly closed the gap.",
        miniJudgement: "",
        weight: 4,
      },
      {
        name: "Kennedy's blockade",
        evidence: [{ own: "October 1962: the US 'quarantine' of Cuba; Soviet ships turned back." }],
        argumentFor: "Gave Khrushchev a choice between war and retreat.",
        argumentAgainst: "",
        miniJudgement: "",
        weight: 3,
      },
      {
        name: "Khrushchev's miscalculation",
        evidence: [{ bank: "Cuban Missile Crisis" }],
        argumentFor: "He expected Kennedy to accept the missiles, as he had misjudged him at Vienna in 1961.",
        argumentAgainst: "",
        miniJudgement: "",
        weight: 3,
      },
      {
        name: "The secret deal on Turkey",
        evidence: [{ own: "US Jupiter missiles in Turkey removed in 1963, but the deal was kept secret." }],
        argumentFor: "The USSR gained more than it could show in public.",
        argumentAgainst: "",
        miniJudgement: "",
        weight: 2,
      },
    ],
    areas: [],
    criteria: ["everyday-scale"],
    judgement: { position: 50, argument: "Military weakness forced the retreat, but a secret gain over Turkey was kept from the public." },
  },
};
