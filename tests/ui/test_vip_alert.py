"""The VIP arrival alert at the desk that checks a VIP in (issue 12): an instruction that stays
until Acknowledge, while the queue keeps being scanned."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core import checkin, tickets
from tests.ui import keys


def ticket_for(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def test_the_checking_desk_shows_the_instruction_until_acknowledged(
    qtbot, open_window, stage, people, data_dir
):
    berte, bertelli = people[0], people[1]
    consul = stage.new_attendee(
        {
            "first_name": "Lucia",
            "last_name": "Ferri",
            "category": "consul",
            "consular_rank": "Console onorario",
            "extra": {"Host": "Dott.ssa Bianchi", "Istruzioni": "Interpreter: Portuguese"},
        }
    )
    window = open_window(stage)
    vips = window.vip_notices
    assert not vips.isVisible()
    keys.scan(ticket_for(data_dir, stage, consul))
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=3000)
    qtbot.waitUntil(lambda: vips.ack_panel.isVisible(), timeout=3000)
    shown = vips.instruction_text()
    assert "VIP checked in here: Lucia Ferri" in shown
    assert "Interpreter: Portuguese" in shown and "Host to call: Dott.ssa Bianchi" in shown
    assert vips.notices_text() == ""  # this desk's own VIP is an instruction, not a notice

    # the queue goes on: the next ticket checks in while the instruction stays
    keys.scan(ticket_for(data_dir, stage, berte))
    qtbot.waitUntil(lambda: stage.attendee(berte.id).checked_in, timeout=3000)
    assert "Nicolò Bertè" in window.banner.shown_text()
    assert vips.ack_panel.isVisible() and "Lucia Ferri" in vips.instruction_text()
    assert window.scan.hasFocus()

    qtbot.mouseClick(vips.ack_button, Qt.MouseButton.LeftButton)
    assert not vips.ack_panel.isVisible() and not vips.isVisible()
    assert window.scan.hasFocus()  # pressing Acknowledge does not take the scanner's keys
    keys.scan(ticket_for(data_dir, stage, bertelli))
    qtbot.waitUntil(lambda: stage.attendee(bertelli.id).checked_in, timeout=3000)
    assert not vips.isVisible()  # a company person raises nothing


def test_a_consul_with_vip_no_and_a_company_person_raise_nothing(
    qtbot, open_window, stage, people, data_dir
):
    quiet = stage.new_attendee(
        {"first_name": "Pietro", "last_name": "Galli", "category": "consul", "extra": {"VIP": "no"}}
    )
    window = open_window(stage)
    for person in (quiet, people[0]):
        keys.scan(ticket_for(data_dir, stage, person))
        qtbot.waitUntil(lambda p=person: stage.attendee(p.id).checked_in, timeout=3000)
    qtbot.wait(50)
    window.refresh_side()
    assert not window.vip_notices.isVisible()


def test_the_default_instruction_and_italian(qtbot, open_window, stage, people, data_dir):
    sato = people[3]  # a consul with no instruction and no host in the list
    window = open_window(stage, "it")
    keys.scan(ticket_for(data_dir, stage, sato))
    qtbot.waitUntil(lambda: window.vip_notices.ack_panel.isVisible(), timeout=3000)
    shown = window.vip_notices.instruction_text()
    assert "VIP accreditato qui: S.E. Hiroshi Sato" in shown
    assert "Accompagnare al desk del protocollo." in shown
    assert "Referente da chiamare: nessun referente indicato" in shown
    assert window.vip_notices.ack_button.text() == "Presa visione"


def test_an_instruction_waits_across_a_restart_until_acknowledged(
    qtbot, open_window, stage, people, data_dir
):
    """The laptop restarts (battery, crash) before the clerk read the instruction: it is
    still there; once acknowledged it is recorded and does not come back."""
    from desktop_app.ui.vip_notice import VipNotices

    consul = stage.new_attendee(
        {
            "first_name": "Lucia",
            "last_name": "Ferri",
            "category": "consul",
            "consular_rank": "Console onorario",
            "extra": {"Istruzioni": "Interprete: portoghese"},
        }
    )
    window = open_window(stage)
    keys.scan(ticket_for(data_dir, stage, consul))
    qtbot.waitUntil(lambda: window.vip_notices.ack_panel.isVisible(), timeout=3000)

    again = VipNotices(stage)  # the same stage file, opened again after the restart
    qtbot.addWidget(again)
    assert "Interprete: portoghese" in again.instruction_text()
    again.operator_of = lambda: "Giulia"
    again.acknowledge()
    recorded = [e for e in stage.events() if e.kind == "vip_acknowledged"]
    assert len(recorded) == 1 and recorded[0].operator == "Giulia"
    assert recorded[0].attendee_id == consul.id
    later = VipNotices(stage)
    qtbot.addWidget(later)
    assert later.instruction_text() == "" and not later.pending


def test_instructions_from_hours_ago_do_not_come_back_at_the_next_start(qtbot, data_dir, desk):
    """The demo's consuls (and yesterday's) were checked in long ago: opening the desk does
    not put their instructions ahead of the person at the desk now."""
    from desktop_app.core.demo import ensure_demo_stage
    from desktop_app.core.store import Stage
    from desktop_app.ui.vip_notice import VipNotices

    slug, _ = ensure_demo_stage(data_dir, desk)
    with Stage.open(data_dir, slug, desk) as stage:
        assert any(a.category == "consul" and a.checked_in for a in stage.attendees())
        notices = VipNotices(stage)
        qtbot.addWidget(notices)
        assert not notices.pending and notices.instruction_text() == ""
