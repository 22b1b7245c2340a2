"""Teaching content: complete, well-formed, and calm in tone."""

from game import content


def test_every_key_message_of_imas_12_10_is_there():
    ids = {m.id for m in content.key_messages()}
    assert {"do_not_touch", "stay_on_paths", "signs", "groups", "if_in_a_mined_area", "do_not_rush_in",
            "report"} <= ids
    assert content.messages_for("civilian_incident")


def test_glossary_explains_the_terms_the_game_uses():
    terms = {t.term for t in content.glossary()}
    assert {"SHA", "CHA", "NTS", "TS", "Cancelled", "Reduced", "Cleared", "EORE", "QA"} <= terms


def test_every_quiz_question_has_exactly_one_right_answer():
    questions = content.quiz()
    assert len(questions) >= 3
    for q in questions:
        assert sum(a.correct for a in q.answers) == 1, q.question
        assert len(q.answers) >= 2 and q.explain


def test_no_gore_in_the_words_players_read():
    words = ("blood", "gore", "dismember", "severed", "corpse", "mutilat")
    texts = [m.text for m in content.key_messages()] + [t.text for t in content.glossary()]
    texts += [q.question for q in content.quiz()]
    assert not [t for t in texts if any(w in t.lower() for w in words)]
