#!/usr/bin/env python3
"""Writes profiles-en.txt: synthetic first-person dating-app profiles for the DatingProfiles example.

The dating-app article trained on a few hundred real profiles. No such corpus is free to ship, so this script
composes profiles from the phrase lists below. They are made up for charrnn (CC0): no real person wrote them
and none is described. The seed is fixed, so the output is the same on every run:

    python3 docs/tools/make-profiles.py > charrnn-texts/src/main/resources/io/github/charrnn/texts/profiles-en.txt

One profile per paragraph, paragraphs separated by one blank line. About 60% start with "I'm looking for",
the article's prime; the others open in one of several other ways. The phrase lists lean on the words the
article found most common in its profiles (love, looking, good, enjoy, time, dog, movies, outdoors, travel,
friends).
"""
import random

SEED = 20240214
PROFILES = 480

LOOKING_FOR = [
    "someone who", "a partner who", "a person who", "someone kind who", "my favorite person, someone who",
    "a good human who", "someone easygoing who", "an adventure buddy who", "a best friend who",
    "someone genuine who", "a travel partner who", "someone funny who",
]
WHO_DOES = [
    "loves dogs as much as I do", "can make me laugh on a bad day", "enjoys the outdoors",
    "is up for a spontaneous road trip", "knows a good taco spot", "loves live music",
    "will watch old movies with me on a Sunday", "enjoys cooking together", "likes long walks and longer talks",
    "is kind to waiters", "has their own group of friends", "wants to travel the world",
    "can keep up on a hike", "loves a good book", "is not afraid to be a little weird",
    "will try the spicy thing on the menu", "enjoys quiet nights in as much as nights out",
    "takes their coffee seriously", "has time for the people they love", "likes board games and bad puns",
    "is close to their family", "can teach me something new", "wants something real",
    "enjoys sunsets by the lake", "is looking for love, not just a good time", "will share their fries",
]
LOOKING_EXTRA = [
    "Bonus points if you have a dog.", "Bonus points if you can cook.", "Extra points for a good playlist.",
    "If you love travel, we will get along.", "Let's start with coffee and see where it goes.",
    "Not here for games.", "Good vibes only.", "Must love dogs.", "Let's grab a drink and swap travel stories.",
    "Honesty is everything to me.", "Life is short, let's enjoy it.", "I promise I'm funnier in person.",
    "Let's be friends first.", "Tell me your favorite movie.", "Swipe right if you know a good brunch place.",
]
OPENINGS = [
    "Hi! I'm {name}.", "Hey there, I'm {name}.", "{name} here.", "Hello from {city}.",
    "Born and raised in {city}.", "New to {city}.", "{job} by day, {hobby_person} by night.",
    "Just moved back to {city}.", "Proud {pet} parent.", "Part-time {hobby_person}, full-time {job}.",
]
ABOUT = [
    "I love {a} and {b}.", "I enjoy {a}, {b} and {c}.", "On weekends you will find me {doing}.",
    "My friends would say I'm {trait} and {trait2}.", "I spend most of my free time {doing}.",
    "Happiest when I'm {doing}.", "I can't say no to {a}.", "Currently learning {skill}.",
    "My dog {dog} is my best friend.", "I work as a {job} and love what I do.",
    "I have been to {n} countries and counting.", "I'm a big fan of {a}.",
    "Looking for good food, good company and a good time.", "Family and friends mean the world to me.",
    "I'm {trait}, a little {trait2} and always on time.",
]
LIKES = [
    "live music", "dogs", "hiking", "camping", "old movies", "horror movies", "sushi", "tacos", "coffee",
    "red wine", "craft beer", "yoga", "travel", "the outdoors", "road trips", "cooking", "baking",
    "board games", "vinyl records", "museums", "rock climbing", "running", "reading", "podcasts",
    "concerts", "the beach", "farmers markets", "photography", "karaoke", "brunch", "dancing", "kayaking",
    "gardening", "art galleries", "trivia nights", "stand-up comedy", "thrift stores", "cats", "guitar",
]
DOING = [
    "hiking with my dog", "at a concert", "trying a new restaurant", "reading in a hammock",
    "on a road trip", "at the farmers market", "cooking for friends", "camping under the stars",
    "watching movies with a bowl of popcorn", "paddle boarding on the lake", "at a trivia night",
    "exploring a new city", "playing guitar badly", "at the dog park", "planning my next trip",
    "at the gym", "on a patio with friends", "taking photos of sunsets", "working in my garden",
]
TRAITS = [
    "kind", "curious", "loyal", "adventurous", "easygoing", "honest", "funny", "thoughtful", "creative",
    "ambitious", "laid back", "outgoing", "patient", "spontaneous", "nerdy", "optimistic",
]
JOBS = [
    "nurse", "teacher", "software developer", "chef", "graphic designer", "engineer", "vet tech",
    "accountant", "student", "photographer", "social worker", "physical therapist", "writer", "barista",
]
HOBBY_PEOPLE = ["musician", "runner", "home cook", "dog walker", "movie buff", "bookworm", "climber", "painter"]
SKILLS = ["Spanish", "to surf", "the guitar", "to make pasta from scratch", "to salsa dance", "pottery"]
CITIES = ["Austin", "Denver", "Portland", "Chicago", "Seattle", "San Diego", "Nashville", "Boston"]
NAMES = [
    "Sam", "Alex", "Maya", "Jordan", "Chris", "Priya", "Taylor", "Luis", "Emma", "Noah", "Ava", "Jamie",
    "Nina", "Omar", "Grace", "Leo", "Sofia", "Ben", "Hannah", "Marcus", "Zoe", "Ethan", "Lily", "Kai",
]
DOG_NAMES = ["Biscuit", "Luna", "Max", "Pepper", "Rosie", "Bear", "Milo", "Daisy"]
PETS = ["dog", "cat", "plant", "bunny"]
LISTS = [
    "{A}, {b}. {C}. {D}, {e}.", "{A}. {B}. {C}. {D}.", "{A} and {b}. {C}, {d}, {e}.",
]
CLOSINGS = [
    "Say hi!", "Ask me about my last trip.", "Let's go on an adventure.", "Swipe right for a good time.",
    "Tell me the best thing that happened to you this week.", "Looking for my partner in crime.",
    "Looking for someone to share it all with.", "Coffee first, then we'll see.",
    "Two truths and a lie: I've met a celebrity, I can juggle, I hate dogs.",
    "I'm looking for someone to enjoy the little things with.", "",
]


def fill(template, rnd):
    """Fills {placeholders} of a template with random phrases."""
    likes = rnd.sample(LIKES, 5)
    traits = rnd.sample(TRAITS, 2)
    values = {
        "a": likes[0], "b": likes[1], "c": likes[2], "d": likes[3], "e": likes[4],
        "A": likes[0].capitalize(), "B": likes[1].capitalize(), "C": likes[2].capitalize(),
        "D": likes[3].capitalize(), "trait": traits[0], "trait2": traits[1], "doing": rnd.choice(DOING),
        "skill": rnd.choice(SKILLS), "dog": rnd.choice(DOG_NAMES), "job": rnd.choice(JOBS),
        "hobby_person": rnd.choice(HOBBY_PEOPLE), "n": rnd.randint(5, 30), "city": rnd.choice(CITIES),
        "name": rnd.choice(NAMES), "pet": rnd.choice(PETS),
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def looking_for(rnd):
    """A sentence like the article's prime: I'm looking for someone who ..."""
    first, second = rnd.sample(WHO_DOES, 2)
    joined = first if rnd.random() < 0.4 else f"{first} and {second}"
    return f"I'm looking for {rnd.choice(LOOKING_FOR)} {joined}."


def profile(rnd):
    """One profile: a short first-person paragraph on one line."""
    if rnd.random() < 0.6:
        sentences = [looking_for(rnd)]
        sentences += [fill(t, rnd) for t in rnd.sample(ABOUT, rnd.randint(1, 3))]
        if rnd.random() < 0.6:
            sentences.append(rnd.choice(LOOKING_EXTRA))
    elif rnd.random() < 0.3:
        sentences = [fill(rnd.choice(LISTS), rnd)]
        if rnd.random() < 0.5:
            sentences.append(looking_for(rnd))
    else:
        sentences = [fill(rnd.choice(OPENINGS), rnd)]
        sentences += [fill(t, rnd) for t in rnd.sample(ABOUT, rnd.randint(1, 3))]
        if rnd.random() < 0.5:
            sentences.append(looking_for(rnd))
    sentences.append(rnd.choice(CLOSINGS))
    return " ".join(s for s in sentences if s)


def main():
    rnd = random.Random(SEED)
    print("\n\n".join(profile(rnd) for _ in range(PROFILES)))


if __name__ == "__main__":
    main()
