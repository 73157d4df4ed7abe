"""After a crash or a dead battery the desk says the stage file was checked."""

from desktop_app.core.store import Stage


def test_window_says_the_file_was_checked_after_an_unclean_shutdown(
    open_window, stage, people, data_dir, desk
):
    path = stage.path
    stage.close()
    path.with_name(f"{path.name}.open-999999999").write_text("1")  # a process that died
    reopened = Stage.open(data_dir, "bergamo-2026", desk)
    window = open_window(reopened, language="it")
    assert window.notice.isVisible()
    assert "controllato" in window.notice.text()
    reopened.close()


def test_no_notice_after_a_clean_close(open_window, stage, people):
    window = open_window(stage)
    assert not window.notice.isVisible()
