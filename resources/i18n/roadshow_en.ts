<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="119" />
        <source>Roadshow Desk</source>
        <translation>Roadshow Desk</translation>
    </message>
</context>
<context>
    <name>BadgePreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="914" />
        <source>Badge preview — %1</source>
        <translation>Badge preview — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="930" />
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="927" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="79" />
        <source>Ready: scan a QR code or type a name</source>
        <translation>Ready: scan a QR code or type a name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="97" />
        <source>Type the surname to search, or press F2 to register a walk-in.</source>
        <translation>Type the surname to search, or press F2 to register a walk-in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="100" />
        <source>This person is registered for another stage: send them to the organizers.</source>
        <translation>This person is registered for another stage: send them to the organizers.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="103" />
        <source>Scan again, or search by name.</source>
        <translation>Scan again, or search by name.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="114" />
        <source>%1 of %2 checked in</source>
        <translation>%1 of %2 checked in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="147" />
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="77" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="78" />
        <source>Consul-Delegation</source>
        <translation>Consul-Delegation</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="79" />
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="80" />
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="81" />
        <location filename="../../desktop_app/ui/text.py" line="93" />
        <source>Press</source>
        <translation>Press</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="82" />
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="89" />
        <source>Companies</source>
        <translation>Companies</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="90" />
        <source>Consuls</source>
        <translation>Consuls</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="91" />
        <source>Speakers</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="92" />
        <source>Staff members</source>
        <translation>Staff members</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="94" />
        <source>Guests</source>
        <translation>Guests</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="79" />
        <source>Nobody is called exactly that: is it the person shown? Choose them with ↑↓ or a click, then Enter.</source>
        <translation>Nobody is called exactly that: is it the person shown? Choose them with ↑↓ or a click, then Enter.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="84" />
        <source>%1 people match: choose one with ↑↓ or a click, then Enter.</source>
        <translation>%1 people match: choose one with ↑↓ or a click, then Enter.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="188" />
        <source>Session full</source>
        <translation>Session full</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="189" />
        <source>The session is full. Let %1 in anyway?</source>
        <translation>The session is full. Let %1 in anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="190" />
        <source>Let in anyway</source>
        <translation>Let in anyway</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="37" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Door</name>
    <message>
        <source>Recent outcomes</source>
        <translation>Recent outcomes</translation>
    </message>
    <message>
        <source>&amp;Attendee</source>
        <translation>&amp;Attendee</translation>
    </message>
    <message>
        <source>Cancel registration…</source>
        <translation>Cancel registration…</translation>
    </message>
    <message>
        <source>Restore registration</source>
        <translation>Restore registration</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <source>Cancel the registration of %1? Scanned at the door, they will be refused with this reason:</source>
        <translation>Cancel the registration of %1? Scanned at the door, they will be refused with this reason:</translation>
    </message>
    <message>
        <source>They are already checked in: that check-in stays.</source>
        <translation>They are already checked in: that check-in stays.</translation>
    </message>
    <message>
        <source>e.g. cancelled by e-mail, duplicate registration</source>
        <translation>e.g. cancelled by e-mail, duplicate registration</translation>
    </message>
    <message>
        <source>Cancel the registration</source>
        <translation>Cancel the registration</translation>
    </message>
    <message>
        <source>Keep the registration</source>
        <translation>Keep the registration</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>No reason was given.</translation>
    </message>
    <message>
        <source>Let in although the registration is cancelled (recorded as forced)</source>
        <translation>Let in although the registration is cancelled (recorded as forced)</translation>
    </message>
    <message>
        <source>Special attention</source>
        <translation>Special attention</translation>
    </message>
    <message>
        <source>already in</source>
        <translation>already in</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>full</source>
        <translation>full</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Invalid code</source>
        <translation>Invalid code</translation>
    </message>
    <message>
        <source>Other stage</source>
        <translation>Other stage</translation>
    </message>
    <message>
        <source>The registration of %1 is cancelled.</source>
        <translation>The registration of %1 is cancelled.</translation>
    </message>
    <message>
        <source>Let them in anyway? It is recorded as a forced admission.</source>
        <translation>Let them in anyway? It is recorded as a forced admission.</translation>
    </message>
    <message>
        <source>Do not let in</source>
        <translation>Do not let in</translation>
    </message>
    <message>
        <source>Choose one person to cancel their registration.</source>
        <translation>Choose one person to cancel their registration.</translation>
    </message>
    <message>
        <source>The registration of %1 is already cancelled.</source>
        <translation>The registration of %1 is already cancelled.</translation>
    </message>
    <message>
        <source>Registration cancelled: %1</source>
        <translation>Registration cancelled: %1</translation>
    </message>
    <message>
        <source>Choose one person to restore their registration.</source>
        <translation>Choose one person to restore their registration.</translation>
    </message>
    <message>
        <source>The registration of %1 is not cancelled.</source>
        <translation>The registration of %1 is not cancelled.</translation>
    </message>
    <message>
        <source>Restore the registration of %1? They will be admitted at the door again.</source>
        <translation>Restore the registration of %1? They will be admitted at the door again.</translation>
    </message>
    <message>
        <source>Registration restored: %1</source>
        <translation>Registration restored: %1</translation>
    </message>
    <message>
        <source>%1 is already registered with this e-mail: check them in, or change the e-mail to register someone else.</source>
        <translation>%1 is already registered with this e-mail: check them in, or change the e-mail to register someone else.</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="105" />
        <source>Edit attendee</source>
        <translation>Edit attendee</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="109" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="110" />
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="111" />
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="112" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="113" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="120" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>A ticket or a code is not a name: scan it at the desk instead.</source>
        <translation>A ticket or a code is not a name: scan it at the desk instead.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Head of the delegation</source>
        <translation>Head of the delegation</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>e.g. 田中 健二, Иван Петров</source>
        <translation>e.g. 田中 健二, Иван Петров</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Delegation</source>
        <translation>Delegation</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Name in own script</source>
        <translation>Name in own script</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="868" />
        <source>Send tickets…</source>
        <translation>Send tickets…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="871" />
        <source>Resend ticket</source>
        <translation>Resend ticket</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="332" />
        <source>Mail server…</source>
        <translation>Mail server…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="895" />
        <source>Choose one person to resend their ticket.</source>
        <translation>Choose one person to resend their ticket.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="899" />
        <source>This person has no e-mail address: add one with F5.</source>
        <translation>This person has no e-mail address: add one with F5.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="901" />
        <source>Sending the ticket…</source>
        <translation>Sending the ticket…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="307" />
        <source>Import registration list…</source>
        <translation>Import registration list…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="86" />
        <source>Roadshow Desk — %1</source>
        <translation>Roadshow Desk — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="139" />
        <source>Scan the QR code or type a name…</source>
        <translation>Scan the QR code or type a name…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="157" />
        <location filename="../../desktop_app/ui/main_window.py" line="364" />
        <source>Results (↑↓ to choose, Enter to check in)</source>
        <translation>Results (↑↓ to choose, Enter to check in)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="235" />
        <location filename="../../desktop_app/ui/main_window.py" line="440" />
        <source>Check in (Enter)</source>
        <translation>Check in (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="236" />
        <source>Undo (F4)</source>
        <translation>Undo (F4)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="237" />
        <source>Edit (F5)</source>
        <translation>Edit (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="238" />
        <source>Badge (F3)</source>
        <translation>Badge (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="271" />
        <source>Last check-ins</source>
        <translation>Last check-ins</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="289" />
        <source>F2 Walk-in</source>
        <translation>F2 Walk-in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="290" />
        <source>F3 Print badge</source>
        <translation>F3 Print badge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="291" />
        <source>F4 Undo check-in</source>
        <translation>F4 Undo check-in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="292" />
        <source>F5 Edit</source>
        <translation>F5 Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="304" />
        <source>&amp;Stage</source>
        <translation>&amp;Stage</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="312" />
        <source>Reports…</source>
        <translation>Reports…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="315" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="319" />
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="320" />
        <source>Camera scanning</source>
        <translation>Camera scanning</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="324" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="355" />
        <source>Present %1 / %2</source>
        <translation>Present %1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="365" />
        <source>undone</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="367" />
        <source>again</source>
        <translation>again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="377" />
        <source>Session door: %1</source>
        <translation>Session door: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="423" />
        <source>Nobody selected</source>
        <translation>Nobody selected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="425" />
        <source>Scan a QR code, or type two letters of a name and pick with ↑↓.</source>
        <translation>Scan a QR code, or type two letters of a name and pick with ↑↓.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="431" />
        <source>%1 people selected</source>
        <translation>%1 people selected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="433" />
        <source>Check in all (Enter)</source>
        <translation>Check in all (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="443" />
        <source>Checked in at %1 (%2)</source>
        <translation>Checked in at %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="448" />
        <source>Not checked in yet</source>
        <translation>Not checked in yet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="450" />
        <source>Badges printed: %1</source>
        <translation>Badges printed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="451" />
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="651" />
        <source>Choose one person to undo their check-in.</source>
        <translation>Choose one person to undo their check-in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="656" />
        <source>%1 is not checked in: nothing to undo.</source>
        <translation>%1 is not checked in: nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="673" />
        <source>Check-in undone</source>
        <translation>Check-in undone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="682" />
        <source>Choose one person to edit.</source>
        <translation>Choose one person to edit.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="695" />
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="741" />
        <source>The new language applies the next time the desk starts.</source>
        <translation>The new language applies the next time the desk starts.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="750" />
        <source>Choose who gets a badge first.</source>
        <translation>Choose who gets a badge first.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="758" />
        <source>Badge printing is not available on this desk yet.</source>
        <translation>Badge printing is not available on this desk yet.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="828" />
        <source>Reports are not available on this desk yet.</source>
        <translation>Reports are not available on this desk yet.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="871" />
        <source>No camera found: scanning with the camera is off.</source>
        <translation>No camera found: scanning with the camera is off.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="305" />
        <source>Print badges…</source>
        <translation>Print badges…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="308" />
        <source>Badge preview…</source>
        <translation>Badge preview…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="810" />
        <source>Choose one person to preview their badge.</source>
        <translation>Choose one person to preview their badge.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="1" />
        <source>A scan is waiting: it is handled when the dialog closes.</source>
        <translation>A scan is waiting: it is handled when the dialog closes.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="103" />
        <source>Checked in — welcome</source>
        <translation>Checked in — welcome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="106" />
        <source>Already checked in at %1 (%2)</source>
        <translation>Already checked in at %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="111" />
        <source>Not found: search by name or register</source>
        <translation>Not found: search by name or register</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="117" />
        <source>Ticket for another stage: %1</source>
        <translation>Ticket for another stage: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="121" />
        <source>Invalid code</source>
        <translation>Invalid code</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="123" />
        <location filename="../../desktop_app/ui/text.py" line="137" />
        <source>Registration cancelled</source>
        <translation>Registration cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="125" />
        <source>Session full</source>
        <translation>Session full</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="49" />
        <location filename="../../desktop_app/ui/dialogs.py" line="57" />
        <source>Undo check-in</source>
        <translation>Undo check-in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="51" />
        <source>Undo the check-in of %1? Why:</source>
        <translation>Undo the check-in of %1? Why:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="55" />
        <source>e.g. wrong person, scanned twice</source>
        <translation>e.g. wrong person, scanned twice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="60" />
        <source>Keep the check-in</source>
        <translation>Keep the check-in</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="123" />
        <source>Reports — %1</source>
        <translation>Reports — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="150" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="153" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="155" />
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="159" />
        <source>Checked-in people only (exports)</source>
        <translation>Checked-in people only (exports)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="161" />
        <source>Signature column (PDF)</source>
        <translation>Signature column (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="164" />
        <source>Sessions…</source>
        <translation>Sessions…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="183" />
        <source>Ask the hub</source>
        <translation>Ask the hub</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="189" />
        <source>Arrivals per 15 minutes</source>
        <translation>Arrivals per 15 minutes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="267" />
        <source>Other days</source>
        <translation>Other days</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="190" />
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="191" />
        <source>By country of interest</source>
        <translation>By country of interest</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="192" />
        <source>By sector</source>
        <translation>By sector</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="205" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="206" />
        <source>Export Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="207" />
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="221" />
        <source>Whole stage (entrance)</source>
        <translation>Whole stage (entrance)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="270" />
        <source>Registered
%1</source>
        <translation>Registered
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="271" />
        <source>Present at the session</source>
        <translation>Present at the session</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="271" />
        <location filename="../../desktop_app/ui/reports.py" line="307" />
        <location filename="../../desktop_app/ui/reports.py" line="318" />
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="273" />
        <source>Not checked in
%1</source>
        <translation>Not checked in
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="281" />
        <source>✔ Numbers are final: every desk was heard from since its last check-in.</source>
        <translation>✔ Numbers are final: every desk was heard from since its last check-in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="284" />
        <source>⟲ Numbers are not final yet: %1</source>
        <translation>⟲ Numbers are not final yet: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="289" />
        <source>? Whether the numbers are final is not known: the sync hub has not said which desks it heard from.</source>
        <translation>? Whether the numbers are final is not known: the sync hub has not said which desks it heard from.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="301" />
        <source>Arrivals</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="306" />
        <location filename="../../desktop_app/ui/reports.py" line="317" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="314" />
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="339" />
        <source>Asking the hub…</source>
        <translation>Asking the hub…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="353" />
        <source>(The hub could not be asked: %1)</source>
        <translation>(The hub could not be asked: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="363" />
        <source>Export the attendance list</source>
        <translation>Export the attendance list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="385" />
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="394" />
        <source>Exported %1 people to %2</source>
        <translation>Exported %1 people to %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="403" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="1" />
        <source>Consular precedence…</source>
        <translation>Consular precedence…</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SessionsEditor</name>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="81" />
        <source>Sessions — %1</source>
        <translation>Sessions — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="87" />
        <location filename="../../desktop_app/ui/sessions.py" line="112" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="88" />
        <location filename="../../desktop_app/ui/sessions.py" line="113" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="89" />
        <location filename="../../desktop_app/ui/sessions.py" line="114" />
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="90" />
        <location filename="../../desktop_app/ui/sessions.py" line="115" />
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="91" />
        <location filename="../../desktop_app/ui/sessions.py" line="116" />
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="92" />
        <source>Present / capacity</source>
        <translation>Present / capacity</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="117" />
        <source>Capacity (empty: no limit)</source>
        <translation>Capacity (empty: no limit)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="120" />
        <source>Add session</source>
        <translation>Add session</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="123" />
        <location filename="../../desktop_app/ui/sessions.py" line="189" />
        <source>Import from CSV…</source>
        <translation>Import from CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="182" />
        <source>Session added: %1</source>
        <translation>Session added: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="189" />
        <source>Sessions CSV</source>
        <translation>Sessions CSV</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="203" />
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>Imported: %1 new, %2 updated, %3 unchanged</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="42" />
        <source>Desk settings</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="50" />
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="61" />
        <source>Play a sound for each scan</source>
        <translation>Play a sound for each scan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="82" />
        <source>Scan QR codes with the camera</source>
        <translation>Scan QR codes with the camera</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="85" />
        <source>Default camera</source>
        <translation>Default camera</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="55" />
        <source>Stage entrance</source>
        <translation>Stage entrance</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="106" />
        <source>Print a badge at check-in</source>
        <translation>Print a badge at check-in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="73" />
        <source>Desk name</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="74" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="75" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="76" />
        <source>Session door</source>
        <translation>Session door</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="92" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="78" />
        <source>Scanner idle timeout</source>
        <translation>Scanner idle timeout</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="79" />
        <source>Text size (next start)</source>
        <translation>Text size (next start)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="71" />
        <source>High contrast (next start)</source>
        <translation>High contrast (next start)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="159" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="160" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="45" />
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="95" />
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="100" />
        <source>%1 (not found)</source>
        <translation>%1 (not found)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="102" />
        <source>Ask each time / save as PDF</source>
        <translation>Ask each time / save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="105" />
        <source>%1 (not connected)</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="108" />
        <source>Badge layout</source>
        <translation>Badge layout</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="109" />
        <source>Badge printer</source>
        <translation>Badge printer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="112" />
        <source>Sync with the hub</source>
        <translation>Sync with the hub</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="118" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="127" />
        <source>Sync automatically</source>
        <translation>Sync automatically</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="134" />
        <source>Hub address</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="135" />
        <source>Desk token</source>
        <translation>Desk token</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="196" />
        <source>The hub address must start with http:// or https://.</source>
        <translation>The hub address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="198" />
        <source>To sync automatically, fill in the hub address and the desk token.</source>
        <translation>To sync automatically, fill in the hub address and the desk token.</translation>
    </message>
</context>
<context>
    <name>StagePicker</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="132" />
        <source>Open a stage</source>
        <translation>Open a stage</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="137" />
        <source>Choose the stage for this desk:</source>
        <translation>Choose the stage for this desk:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="150" />
        <source>There are no stages on this desk yet. Import one (roadshow-desk stage import FILE) or open the demo stage.</source>
        <translation>There are no stages on this desk yet. Import one (roadshow-desk stage import FILE) or open the demo stage.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="156" />
        <source>Open the demo stage</source>
        <translation>Open the demo stage</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="159" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>Scan it with the webcam</source>
        <translation>Scan it with the webcam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>No camera found on this computer: scan the code with the scanner, or paste it.</source>
        <translation>No camera found on this computer: scan the code with the scanner, or paste it.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>Hold the setup code shown on the organizer's laptop up to the camera.</source>
        <translation>Hold the setup code shown on the organizer's laptop up to the camera.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>That QR code is not a desk setup code: show the one from Add a desk.</source>
        <translation>That QR code is not a desk setup code: show the one from Add a desk.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="41" />
        <source>Walk-in registration</source>
        <translation>Walk-in registration</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="53" />
        <source>Privacy notice given and consent obtained</source>
        <translation>Privacy notice given and consent obtained</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="54" />
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="55" />
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="56" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="57" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="58" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="61" />
        <source>Did you mean...?</source>
        <translation>Did you mean...?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="74" />
        <source>Check in the selected person</source>
        <translation>Check in the selected person</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="75" />
        <source>Register and check in</source>
        <translation>Register and check in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="76" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="138" />
        <source>Type at least a first name or a surname.</source>
        <translation>Type at least a first name or a surname.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="145" />
        <source>Someone similar is already registered. Choose them from the list, or press Register and check in again to create a new attendee.</source>
        <translation>Someone similar is already registered. Choose them from the list, or press Register and check in again to create a new attendee.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="1" />
        <source>A ticket or a code is not a name: scan it at the desk instead.</source>
        <translation>A ticket or a code is not a name: scan it at the desk instead.</translation>
    </message>
</context>
<context>
    <name>PrecedenceWindow</name>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Precedence of the Consular Corps — %1</source>
        <translation>Precedence of the Consular Corps — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Vienna Convention on Consular Relations, art. 16: by class, career heads of post before honorary ones, then by date of the exequatur.</source>
        <translation>Vienna Convention on Consular Relations, art. 16: by class, career heads of post before honorary ones, then by date of the exequatur.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Only consuls checked in</source>
        <translation>Only consuls checked in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Reserved seats per row</source>
        <translation>Reserved seats per row</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Speaks</source>
        <translation>Speaks</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Exequatur</source>
        <translation>Exequatur</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>To check</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>No head of consular post in this list.</source>
        <translation>No head of consular post in this list.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>named by the list</source>
        <translation>named by the list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>first career head of post in precedence</source>
        <translation>first career head of post in precedence</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>&lt;b&gt;Doyen:&lt;/b&gt; %1 (%2) — %3</source>
        <translation>&lt;b&gt;Doyen:&lt;/b&gt; %1 (%2) — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>&lt;b&gt;Greeting:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Greeting:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>%1 heads of consular post, %2 to complete</source>
        <translation>%1 heads of consular post, %2 to complete</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export the precedence list</source>
        <translation>Export the precedence list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
    <context>
        <name>VipNotices</name>
        <message>
            <source>Host to call: %1</source>
            <translation>Host to call: %1</translation>
        </message>
        <message>
            <source>no host given</source>
            <translation>no host given</translation>
        </message>
        <message>
            <source>VIP checked in here: %1</source>
            <translation>VIP checked in here: %1</translation>
        </message>
        <message>
            <source>Escort to the protocol desk.</source>
            <translation>Escort to the protocol desk.</translation>
        </message>
        <message>
            <source>%1 more VIP instructions waiting</source>
            <translation>%1 more VIP instructions waiting</translation>
        </message>
        <message>
            <source>VIP arrived: %1 at %2, %3</source>
            <translation>VIP arrived: %1 at %2, %3</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>Acknowledge</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
    </context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Delegation</source>
        <translation>Delegation</translation>
    </message>
    <message>
        <source>%1 arrives with the delegation %2: who comes in now?</source>
        <translation>%1 arrives with the delegation %2: who comes in now?</translation>
    </message>
    <message>
        <source>%1 arrives with companions: who comes in now?</source>
        <translation>%1 arrives with companions: who comes in now?</translation>
    </message>
    <message>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <source>already checked in</source>
        <translation>already checked in</translation>
    </message>
    <message>
        <source>Space ticks or unticks the row; Enter checks in the ticked.</source>
        <translation>Space ticks or unticks the row; Enter checks in the ticked.</translation>
    </message>
    <message>
        <source>Check in the ticked</source>
        <translation>Check in the ticked</translation>
    </message>
    <message>
        <source>Nobody now</source>
        <translation>Nobody now</translation>
    </message>
</context>
</TS>