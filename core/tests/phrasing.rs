//! The phrasing check against sentences a person might write in a remorse letter: those it
//! must flag, with the reasons in order, and those it must leave alone (accountable words,
//! including ones that share words with the flagged phrases). Half or more of the examples
//! must not be flagged.

#![allow(missing_docs, clippy::unwrap_used)]

use mend_core::tools::phrasing::PhrasingReason::{self, *};
use mend_core::tools::phrasing::{check, check_letter, self_harm_in};

/// Sentences that must be flagged, with the reasons in the order they appear.
const FLAGGED: &[(&str, &[PhrasingReason])] = &[
    // Self-harm: routed to help.
    ("I want to die.", &[SelfHarm]),
    ("Some nights I just want to die.", &[SelfHarm]),
    ("I don't deserve to live after what I did.", &[SelfHarm]),
    ("I dont deserve to live.", &[SelfHarm]),
    ("I do not deserve to live.", &[SelfHarm]),
    ("You would be better off without me.", &[SelfHarm]),
    ("I have thought about killing myself.", &[SelfHarm]),
    ("I wish I was dead.", &[SelfHarm]),
    ("Sometimes I think about ending my life.", &[SelfHarm]),
    ("I have nothing to live for without you.", &[SelfHarm]),
    ("I don't want to be alive anymore.", &[SelfHarm]),
    ("I've been having suicidal thoughts.", &[SelfHarm]),
    // Asking for forgiveness or another chance.
    ("Please forgive me.", &[AsksForgiveness]),
    ("Forgive me.", &[AsksForgiveness]),
    ("I hope you can forgive me one day.", &[AsksForgiveness]),
    ("Can you forgive what I did?", &[AsksForgiveness]),
    ("I need you to forgive me so we can heal.", &[AsksForgiveness]),
    ("Please give me another chance.", &[AsksForgiveness]),
    ("All I ask is one more chance.", &[AsksForgiveness]),
    // Regret at being found out.
    ("I'm sorry you found out the way you did.", &[Regret]),
    ("I am sorry that you found out from someone else.", &[Regret]),
    ("I'm sorry I got caught.", &[Regret]),
    ("I wish you had never found out.", &[Regret]),
    ("I should have been more careful.", &[Regret]),
    ("I'm sorry it came out like this.", &[Regret]),
    // Conditional or vague apologies.
    ("I'm sorry if you were hurt.", &[Conditional]),
    ("I'm sorry if I hurt you.", &[Conditional]),
    ("I'm sorry you feel that way.", &[Conditional]),
    ("I apologise for any hurt I may have caused.", &[Conditional]),
    ("I am sorry for any pain I might have caused.", &[Conditional]),
    ("I'm sorry you're upset.", &[Conditional]),
    ("Mistakes were made.", &[Conditional]),
    ("I guess I'm sorry.", &[Conditional]),
    ("I'M SORRY IF YOU WERE HURT.", &[Conditional]),
    // Self-focus asking for comfort.
    ("I feel so bad about all of it.", &[AsksForComfort]),
    ("I hate myself for this.", &[AsksForComfort]),
    ("Tell me it's okay between us.", &[AsksForComfort]),
    ("Tell me it’s okay.", &[AsksForComfort]),
    ("You don't know how hard this is for me.", &[AsksForComfort]),
    ("Please don't leave me.", &[AsksForComfort]),
    ("Please dont leave me.", &[AsksForComfort]),
    ("I'm hurting too, you know.", &[AsksForComfort]),
    ("What about my feelings?", &[AsksForComfort]),
    ("This is killing me.", &[AsksForComfort]),
    ("I'm a terrible person.", &[AsksForComfort]),
    // Impatience and hurrying.
    ("Can we move on now?", &[RushesHealing]),
    ("I want to put this behind us.", &[RushesHealing]),
    ("You need to let it go.", &[RushesHealing]),
    ("How many times do I have to say sorry?", &[RushesHealing]),
    ("How many times do I have to apologize?", &[RushesHealing]),
    ("I already said sorry.", &[RushesHealing]),
    ("Please stop bringing it up.", &[RushesHealing]),
    ("The past is the past.", &[RushesHealing]),
    ("Why do you keep bringing it up?", &[RushesHealing]),
    // Demands for trust or timelines.
    ("You need to trust me.", &[DemandsTrust]),
    ("You have to trust me now.", &[DemandsTrust]),
    ("Just trust me.", &[DemandsTrust]),
    ("Why can't you trust me?", &[DemandsTrust]),
    ("Why cant you trust me?", &[DemandsTrust]),
    ("By now you should be able to let me in.", &[DemandsTrust]),
    ("It has been long enough.", &[DemandsTrust]),
    ("It's been long enough.", &[DemandsTrust]),
    ("How long is this going to take?", &[DemandsTrust]),
    ("Isn't it time we got back to normal?", &[DemandsTrust]),
    // Euphemism.
    ("Things happened that shouldn't have.", &[Euphemism]),
    ("Things went too far with a coworker.", &[Euphemism]),
    ("We got too close.", &[Euphemism]),
    ("I crossed a line.", &[Euphemism]),
    ("I'm sorry for my indiscretion.", &[Euphemism]),
    ("I messed up.", &[Euphemism]),
    ("I made some bad choices.", &[Euphemism]),
    ("It was a lapse in judgement.", &[Euphemism]),
    // Minimising the act or the person.
    ("It was a mistake.", &[Minimises]),
    ("It just happened.", &[Minimises]),
    ("It didn't mean anything.", &[Minimises]),
    ("It didnt mean anything.", &[Minimises]),
    ("It did not mean anything.", &[Minimises]),
    ("It meant nothing.", &[Minimises]),
    ("She meant nothing to me.", &[Minimises]),
    ("He meant nothing.", &[Minimises]),
    ("It was only once.", &[Minimises]),
    ("It was only a few times.", &[Minimises]),
    ("We only kissed.", &[Minimises]),
    ("We were just texting.", &[Minimises]),
    ("It was just sex.", &[Minimises]),
    ("It was no big deal.", &[Minimises]),
    ("We were just friends.", &[Minimises]),
    ("It was a slip.", &[Minimises]),
    // Justification.
    ("I did it because I was lonely.", &[Justifies]),
    ("You have to understand where I was.", &[Justifies]),
    ("I couldn't help it.", &[Justifies]),
    ("I could not help myself.", &[Justifies]),
    ("It wasn't my fault.", &[Justifies]),
    ("Its not my fault.", &[Justifies]),
    ("My needs weren't being met.", &[Justifies]),
    ("I'm only human.", &[Justifies]),
    // Blame by circumstance.
    ("It was the stress at work.", &[BlamesCircumstance]),
    ("I was under so much pressure at work.", &[BlamesCircumstance]),
    ("I was drunk that night.", &[BlamesCircumstance]),
    ("It happened because of my depression.", &[BlamesCircumstance]),
    ("I was going through a midlife crisis.", &[BlamesCircumstance]),
    // Blaming the partner, or sharing the blame.
    ("I'm sorry, but you were never home.", &[Blames]),
    ("You never listened to me.", &[Blames]),
    ("If you hadn't been so distant, none of this would have happened.", &[Blames]),
    ("We both made mistakes.", &[Blames, Minimises]),
    ("You made me feel invisible.", &[Blames]),
    ("It takes two.", &[Blames]),
    ("We had drifted apart long before.", &[Blames]),
    ("We had grown apart.", &[Blames]),
    ("You were always busy with the kids.", &[Blames]),
    ("We are both to blame.", &[Blames]),
    ("It was partly your fault.", &[Blames]),
    // More than one.
    (
        "Forgive me. It was a mistake, but you never noticed me.",
        &[AsksForgiveness, Minimises, Blames],
    ),
    ("I'm sorry you found out, and I want to move on.", &[Regret, RushesHealing]),
    ("It meant nothing and I was drunk.", &[Minimises, BlamesCircumstance]),
];

/// Sentences that must not be flagged: accountable words, some sharing words with the
/// flagged phrases.
const LEFT_ALONE: &[&str] = &[
    "",
    "I lied to you for months, and I am sorry.",
    "You were hurt because I lied to you.",
    "I hurt you, and I take full responsibility.",
    "I see how much pain I caused you.",
    "You have every reason to be angry with me.",
    "I slipped out at night to see them, and I lied about where I was.",
    "But your pain matters more than my shame.",
    "I chose this. Nothing you did made it okay.",
    "I'm changing how I handle loneliness: I will tell you when I feel it.",
    "I will answer every question you ask, for as long as you need.",
    "I don't expect you to forgive me.",
    "I dont expect you to forgive me.",
    "I do not expect you to forgive me.",
    "You stopped sleeping because of what I did.",
    "Écrit avec remords : je t'ai menti.",
    "Nobody else is to blame.",
    "No one else is to blame for this.",
    "You never deserved this.",
    "You never deserved any of it.",
    "It was not a mistake; it was a choice.",
    "It wasn't a mistake. It was a choice I made again and again.",
    "It was no mistake: I chose it.",
    "It happened more than once, over eight months.",
    "It was not just once.",
    "I had an affair with a colleague for eight months.",
    "I lied to you about where I was every Thursday.",
    "I broke the promises I made to you.",
    "I am sorry for what I did, and for every lie that hid it.",
    "I betrayed you, and I know it.",
    "It was my choice, and only mine.",
    "I was unhappy, and I chose to betray you instead of telling you.",
    "I was drunk, and that is no excuse.",
    "Stress at work is not an excuse for what I did.",
    "I was lonely, but that does not excuse it.",
    "I won't ask you to move on.",
    "I will never ask you to move on before you are ready.",
    "You don't have to move on on my schedule.",
    "I do not expect you to trust me.",
    "I don't expect you to trust me again.",
    "I want to earn your trust back, one day at a time.",
    "Take all the time you need.",
    "There is no deadline for your healing.",
    "I will keep answering your questions for as long as you need.",
    "Ask me anything, whenever you need to.",
    "I know I have to show you, not tell you.",
    "Your anger makes sense to me.",
    "You are not crazy for checking my phone.",
    "You were right to be suspicious.",
    "I made you doubt your own mind, and that was cruel.",
    "I gaslit you when you asked me directly.",
    "You asked me, and I lied to your face.",
    "I let you believe it was all in your head.",
    "I know I cannot undo it.",
    "I will tell you within a day if they contact me.",
    "I have blocked their number and told them it is over.",
    "I ended it, and I told them never to contact me again.",
    "I will show you my phone whenever you ask.",
    "You never have to ask twice.",
    "You never asked for any of this.",
    "If you had asked me then, I would have lied.",
    "I am not asking for another chance; I am asking to keep showing up.",
    "I'm here, and I'm staying.",
    "I'm ashamed of what I did, and I'm working on it with my therapist.",
    "My guilt is mine to carry, not yours.",
    "You did nothing to deserve this.",
    "It is not your fault.",
    "It wasn't your fault in any way.",
    "I see now how my lies made you question everything.",
    "You lost years of feeling safe with me.",
    "I took away your choice to decide with the truth.",
    "I spent money on them that was ours.",
    "I exposed you to health risks, and I am sorry for that too.",
    "I will get tested and show you the results.",
    "I know the anniversary next month will be hard.",
    "I will be home when I say I will.",
    "Tonight I will put my phone on the table.",
    "What you felt that night was real.",
    "You have every right to ask me again.",
    "I want to understand what it was like for you to find the messages.",
    "When you are triggered, I want to stay with you instead of getting defensive.",
    "Thank you for telling me how you feel.",
    "I hear that you are exhausted.",
    "I know I destroyed the trust you had in me.",
    "It's my job to rebuild it, not yours.",
    "I will not ask you to forget.",
    "I can't change the past, but I can be honest from now on.",
    "I'm sorry for the lies, the secrecy, and the nights you waited up.",
    "I am sorry I made you feel alone in our own home.",
    "You deserved honesty and I gave you lies.",
    "I want to be someone you can count on again.",
    "Whatever was wrong between us, the affair was my choice alone.",
    "I know it's been a long year for you, and I made it that way.",
    "I kept it going because I didn't want to give it up.",
    "I kept choosing it, week after week.",
    "I told myself stories so I would not have to face what I was doing.",
    "I was selfish, and you paid for it.",
    "I put my wants ahead of our family.",
    "I hid it well, and that is part of what hurts you.",
    "I am learning why I lie when I am afraid.",
    "I'm working with a therapist on why I made these choices.",
    "I understand if you need space tonight.",
    "If you want to sleep in the other room, I'll make it up for you.",
    "You can ask about the same thing a hundred times, and I will answer.",
    "You get to decide what happens next, in your own time.",
    "Whether you stay or go, I will tell you the truth.",
    "I won't pressure you for a decision.",
    "You don't owe me anything.",
    "I hurt the person I promised to protect.",
    "I broke your heart and our family's trust.",
    "I see you flinch when my phone buzzes, and I know why.",
    "I am the reason you feel this way.",
    "I know why you can't trust me right now.",
    "It makes sense that you can't believe me yet.",
    "Every doubt you have was put there by me.",
    "I will keep my location on, and you never have to ask for it.",
    "The kids didn't cause this; I did.",
    "You were a good partner, and I betrayed you anyway.",
    "I used our time apart as cover.",
    "I'm not going anywhere, and I'm not rushing you.",
    "I will listen without defending myself.",
    "Write to me whenever something new comes up for you.",
];

fn reasons(text: &str) -> Vec<PhrasingReason> {
    check(text).unwrap().into_iter().map(|f| f.reason).collect()
}

#[test]
fn the_examples_are_many_and_half_are_left_alone() {
    let total = FLAGGED.len() + LEFT_ALONE.len();
    assert!(total >= 150, "{total} examples");
    assert!(LEFT_ALONE.len() * 2 >= total, "{} of {total} left alone", LEFT_ALONE.len());
}

#[test]
fn flags_what_the_remorse_step_cautions_against() {
    let wrong: Vec<String> = FLAGGED
        .iter()
        .filter(|(text, expected)| reasons(text) != *expected)
        .map(|(text, expected)| format!("{text:?}: {:?}, expected {expected:?}", reasons(text)))
        .collect();
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn leaves_accountable_words_alone() {
    let wrong: Vec<String> = LEFT_ALONE
        .iter()
        .filter(|text| !reasons(text).is_empty())
        .map(|text| format!("{text:?}: {:?}", check(text).unwrap()))
        .collect();
    assert!(wrong.is_empty(), "{} flagged:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn self_harm_is_recognised_in_any_text_and_comes_first() {
    for (text, expected) in FLAGGED {
        assert_eq!(self_harm_in(text).unwrap().is_some(), expected.contains(&SelfHarm), "{text}");
    }
    // Inside a letter it is flagged even where other words overlap it.
    let flags = check_letter("I hate myself and I want to die. Please forgive me.").unwrap();
    let found: Vec<_> = flags.iter().map(|f| f.reason).collect();
    assert_eq!(found, [AsksForComfort, SelfHarm, AsksForgiveness]);
}
