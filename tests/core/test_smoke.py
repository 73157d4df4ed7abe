from desktop_app.core import checkin


def test_search_then_checkin(stage, people):
    (berte,) = stage.search("berte", limit=1)
    assert berte.last_name == "Bertè"
    decision = checkin.admit(stage, berte)
    assert decision.status == checkin.CHECKED_IN
    assert stage.counts()["checked_in"] == 1
