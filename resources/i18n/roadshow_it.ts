<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT">
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
        <translation>Anteprima del badge — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="930" />
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="927" />
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="79" />
        <source>Ready: scan a QR code or type a name</source>
        <translation>Pronto: scansiona il QR o digita un nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="97" />
        <source>Type the surname to search, or press F2 to register a walk-in.</source>
        <translation>Digita il cognome per cercare, oppure premi F2 per registrare un nuovo iscritto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="100" />
        <source>This person is registered for another stage: send them to the organizers.</source>
        <translation>Questa persona è iscritta a un'altra tappa: indirizzala agli organizzatori.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="103" />
        <source>Scan again, or search by name.</source>
        <translation>Scansiona di nuovo, oppure cerca per nome.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="114" />
        <source>%1 of %2 checked in</source>
        <translation>Ingressi confermati: %1 su %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/banner.py" line="147" />
        <source>Not saved</source>
        <translation>Non salvato</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="77" />
        <source>Company</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="78" />
        <source>Consul-Delegation</source>
        <translation>Console-Delegazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="79" />
        <source>Speaker</source>
        <translation>Relatore</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="80" />
        <source>Staff</source>
        <translation>Organizzazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="81" />
        <location filename="../../desktop_app/ui/text.py" line="93" />
        <source>Press</source>
        <translation>Stampa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="82" />
        <source>Guest</source>
        <translation>Ospite</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="89" />
        <source>Companies</source>
        <translation>Imprese</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="90" />
        <source>Consuls</source>
        <translation>Consoli</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="91" />
        <source>Speakers</source>
        <translation>Relatori</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="92" />
        <source>Staff members</source>
        <translation>Organizzazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="94" />
        <source>Guests</source>
        <translation>Ospiti</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="79" />
        <source>Nobody is called exactly that: is it the person shown? Choose them with ↑↓ or a click, then Enter.</source>
        <translation>Nessuno si chiama esattamente così: è la persona mostrata? Sceglila con ↑↓ o un clic, poi Invio.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="84" />
        <source>%1 people match: choose one with ↑↓ or a click, then Enter.</source>
        <translation>%1 persone corrispondono: scegline una con ↑↓ o un clic, poi Invio.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="188" />
        <source>Session full</source>
        <translation>Sessione al completo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="189" />
        <source>The session is full. Let %1 in anyway?</source>
        <translation>La sessione è al completo. Far entrare comunque %1?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/desk_controller.py" line="190" />
        <source>Let in anyway</source>
        <translation>Fai entrare comunque</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="37" />
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>Door</name>
    <message>
        <source>Recent outcomes</source>
        <translation>Ultimi esiti</translation>
    </message>
    <message>
        <source>&amp;Attendee</source>
        <translation>Part&amp;ecipante</translation>
    </message>
    <message>
        <source>Cancel registration…</source>
        <translation>Annulla iscrizione…</translation>
    </message>
    <message>
        <source>Restore registration</source>
        <translation>Ripristina iscrizione</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Annulla iscrizione</translation>
    </message>
    <message>
        <source>Cancel the registration of %1? Scanned at the door, they will be refused with this reason:</source>
        <translation>Annullare l'iscrizione di %1? Alla scansione l'ingresso sarà rifiutato con questo motivo:</translation>
    </message>
    <message>
        <source>They are already checked in: that check-in stays.</source>
        <translation>L'ingresso è già registrato: resta valido.</translation>
    </message>
    <message>
        <source>e.g. cancelled by e-mail, duplicate registration</source>
        <translation>es. disdetta via e-mail, iscrizione doppia</translation>
    </message>
    <message>
        <source>Cancel the registration</source>
        <translation>Annulla l'iscrizione</translation>
    </message>
    <message>
        <source>Keep the registration</source>
        <translation>Mantieni l'iscrizione</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>Nessun motivo indicato.</translation>
    </message>
    <message>
        <source>Let in although the registration is cancelled (recorded as forced)</source>
        <translation>Ingresso nonostante l'iscrizione annullata (registrato come forzato)</translation>
    </message>
    <message>
        <source>Special attention</source>
        <translation>Attenzione particolare</translation>
    </message>
    <message>
        <source>already in</source>
        <translation>già presente</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullata</translation>
    </message>
    <message>
        <source>full</source>
        <translation>piena</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Non trovato</translation>
    </message>
    <message>
        <source>Invalid code</source>
        <translation>Codice non valido</translation>
    </message>
    <message>
        <source>Other stage</source>
        <translation>Altra tappa</translation>
    </message>
    <message>
        <source>The registration of %1 is cancelled.</source>
        <translation>L'iscrizione di %1 è annullata.</translation>
    </message>
    <message>
        <source>Let them in anyway? It is recorded as a forced admission.</source>
        <translation>Far entrare comunque? Sarà registrato come ingresso forzato.</translation>
    </message>
    <message>
        <source>Do not let in</source>
        <translation>Non far entrare</translation>
    </message>
    <message>
        <source>Choose one person to cancel their registration.</source>
        <translation>Scegli una persona per annullarne l'iscrizione.</translation>
    </message>
    <message>
        <source>The registration of %1 is already cancelled.</source>
        <translation>L'iscrizione di %1 è già annullata.</translation>
    </message>
    <message>
        <source>Registration cancelled: %1</source>
        <translation>Iscrizione annullata: %1</translation>
    </message>
    <message>
        <source>Choose one person to restore their registration.</source>
        <translation>Scegli una persona per ripristinarne l'iscrizione.</translation>
    </message>
    <message>
        <source>The registration of %1 is not cancelled.</source>
        <translation>L'iscrizione di %1 non è annullata.</translation>
    </message>
    <message>
        <source>Restore the registration of %1? They will be admitted at the door again.</source>
        <translation>Ripristinare l'iscrizione di %1? L'ingresso sarà di nuovo consentito.</translation>
    </message>
    <message>
        <source>Registration restored: %1</source>
        <translation>Iscrizione ripristinata: %1</translation>
    </message>
    <message>
        <source>%1 is already registered with this e-mail: check them in, or change the e-mail to register someone else.</source>
        <translation>Questa e-mail appartiene già a %1: registra il suo ingresso, oppure cambia l'e-mail per iscrivere un'altra persona.</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="105" />
        <source>Edit attendee</source>
        <translation>Modifica iscritto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="109" />
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="110" />
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="111" />
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="112" />
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="113" />
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="120" />
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>A ticket or a code is not a name: scan it at the desk instead.</source>
        <translation>Un biglietto o un codice non è un nome: scansionalo al banco.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Head of the delegation</source>
        <translation>Capo della delegazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>e.g. 田中 健二, Иван Петров</source>
        <translation>es. 田中 健二, Иван Петров</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Delegation</source>
        <translation>Delegazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="1" />
        <source>Name in own script</source>
        <translation>Nome nella propria scrittura</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="868" />
        <source>Send tickets…</source>
        <translation>Invia biglietti…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="871" />
        <source>Resend ticket</source>
        <translation>Invia di nuovo il biglietto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="332" />
        <source>Mail server…</source>
        <translation>Server di posta…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="895" />
        <source>Choose one person to resend their ticket.</source>
        <translation>Scegli una persona a cui inviare di nuovo il biglietto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="899" />
        <source>This person has no e-mail address: add one with F5.</source>
        <translation>Questa persona non ha un indirizzo e-mail: aggiungilo con F5.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="901" />
        <source>Sending the ticket…</source>
        <translation>Invio del biglietto…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="307" />
        <source>Import registration list…</source>
        <translation>Importa elenco iscritti…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="107" />
        <source>The app was not closed properly last time: the stage file was checked and is sound.</source>
        <translation>L'app non è stata chiusa correttamente l'ultima volta: il file della tappa è stato controllato ed è integro.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="86" />
        <source>Roadshow Desk — %1</source>
        <translation>Roadshow Desk — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="139" />
        <source>Scan the QR code or type a name…</source>
        <translation>Scansiona il QR o digita un nome…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="157" />
        <location filename="../../desktop_app/ui/main_window.py" line="364" />
        <source>Results (↑↓ to choose, Enter to check in)</source>
        <translation>Risultati (↑↓ per scegliere, Invio per entrare)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="235" />
        <location filename="../../desktop_app/ui/main_window.py" line="440" />
        <source>Check in (Enter)</source>
        <translation>Fai entrare (Invio)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="236" />
        <source>Undo (F4)</source>
        <translation>Annulla (F4)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="237" />
        <source>Edit (F5)</source>
        <translation>Modifica (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="238" />
        <source>Badge (F3)</source>
        <translation>Badge (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="271" />
        <source>Last check-ins</source>
        <translation>Ultimi ingressi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="289" />
        <source>F2 Walk-in</source>
        <translation>F2 Nuovo iscritto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="290" />
        <source>F3 Print badge</source>
        <translation>F3 Stampa badge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="291" />
        <source>F4 Undo check-in</source>
        <translation>F4 Annulla ingresso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="292" />
        <source>F5 Edit</source>
        <translation>F5 Modifica</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="304" />
        <source>&amp;Stage</source>
        <translation>&amp;Tappa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="312" />
        <source>Reports…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="315" />
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="319" />
        <source>&amp;Desk</source>
        <translation>&amp;Postazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="320" />
        <source>Camera scanning</source>
        <translation>Scansione con la webcam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="324" />
        <source>Settings…</source>
        <translation>Impostazioni…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="355" />
        <source>Present %1 / %2</source>
        <translation>Presenti %1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="365" />
        <source>undone</source>
        <translation>annullato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="367" />
        <source>again</source>
        <translation>già</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="377" />
        <source>Session door: %1</source>
        <translation>Ingresso sessione: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="423" />
        <source>Nobody selected</source>
        <translation>Nessuno selezionato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="425" />
        <source>Scan a QR code, or type two letters of a name and pick with ↑↓.</source>
        <translation>Scansiona un QR, oppure digita due lettere del nome e scegli con ↑↓.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="431" />
        <source>%1 people selected</source>
        <translation>%1 persone selezionate</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="433" />
        <source>Check in all (Enter)</source>
        <translation>Fai entrare tutti (Invio)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="443" />
        <source>Checked in at %1 (%2)</source>
        <translation>Ingresso alle %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="448" />
        <source>Not checked in yet</source>
        <translation>Ingresso non ancora registrato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="450" />
        <source>Badges printed: %1</source>
        <translation>Badge stampati: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="451" />
        <source>Code: %1</source>
        <translation>Codice: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="651" />
        <source>Choose one person to undo their check-in.</source>
        <translation>Scegli una persona per annullarne l'ingresso.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="656" />
        <source>%1 is not checked in: nothing to undo.</source>
        <translation>Nessun ingresso da annullare per %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="673" />
        <source>Check-in undone</source>
        <translation>Ingresso annullato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="682" />
        <source>Choose one person to edit.</source>
        <translation>Scegli una persona da modificare.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="695" />
        <source>Saved: %1</source>
        <translation>Salvato: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="741" />
        <source>The new language applies the next time the desk starts.</source>
        <translation>La nuova lingua vale dal prossimo avvio.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="750" />
        <source>Choose who gets a badge first.</source>
        <translation>Scegli prima a chi stampare il badge.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="758" />
        <source>Badge printing is not available on this desk yet.</source>
        <translation>La stampa dei badge non è ancora disponibile su questa postazione.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="828" />
        <source>Reports are not available on this desk yet.</source>
        <translation>I report non sono ancora disponibili su questa postazione.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="871" />
        <source>No camera found: scanning with the camera is off.</source>
        <translation>Nessuna webcam trovata: la scansione con la webcam è spenta.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="305" />
        <source>Print badges…</source>
        <translation>Stampa badge…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="308" />
        <source>Badge preview…</source>
        <translation>Anteprima del badge…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="810" />
        <source>Choose one person to preview their badge.</source>
        <translation>Scegli una sola persona per vedere l'anteprima del suo badge.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="1" />
        <source>A scan is waiting: it is handled when the dialog closes.</source>
        <translation>Una scansione è in attesa: verrà gestita alla chiusura della finestra di dialogo.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="103" />
        <source>Checked in — welcome</source>
        <translation>Ingresso confermato</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="106" />
        <source>Already checked in at %1 (%2)</source>
        <translation>Già entrato alle %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="111" />
        <source>Not found: search by name or register</source>
        <translation>Non trovato: cerca per nome o registra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="117" />
        <source>Ticket for another stage: %1</source>
        <translation>Biglietto per un'altra tappa: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="121" />
        <source>Invalid code</source>
        <translation>Codice non valido</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="123" />
        <location filename="../../desktop_app/ui/text.py" line="137" />
        <source>Registration cancelled</source>
        <translation>Iscrizione annullata</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/text.py" line="125" />
        <source>Session full</source>
        <translation>Sessione al completo</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="49" />
        <location filename="../../desktop_app/ui/dialogs.py" line="57" />
        <source>Undo check-in</source>
        <translation>Annulla ingresso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="51" />
        <source>Undo the check-in of %1? Why:</source>
        <translation>Annullare l'ingresso di %1? Motivo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="55" />
        <source>e.g. wrong person, scanned twice</source>
        <translation>es. persona sbagliata, scansione doppia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="60" />
        <source>Keep the check-in</source>
        <translation>Mantieni l'ingresso</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="123" />
        <source>Reports — %1</source>
        <translation>Report — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="150" />
        <source>Session</source>
        <translation>Sessione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="153" />
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="155" />
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="159" />
        <source>Checked-in people only (exports)</source>
        <translation>Solo presenti (esportazioni)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="161" />
        <source>Signature column (PDF)</source>
        <translation>Colonna firma (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="164" />
        <source>Sessions…</source>
        <translation>Sessioni…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="183" />
        <source>Ask the hub</source>
        <translation>Chiedi all'hub</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="189" />
        <source>Arrivals per 15 minutes</source>
        <translation>Ingressi ogni 15 minuti</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="267" />
        <source>Other days</source>
        <translation>Altri giorni</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="190" />
        <source>By category</source>
        <translation>Per categoria</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="191" />
        <source>By country of interest</source>
        <translation>Per Paese di interesse</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="192" />
        <source>By sector</source>
        <translation>Per settore</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="205" />
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="206" />
        <source>Export Excel…</source>
        <translation>Esporta Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="207" />
        <source>Export PDF…</source>
        <translation>Esporta PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="221" />
        <source>Whole stage (entrance)</source>
        <translation>Tutta la tappa (ingresso)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="270" />
        <source>Registered
%1</source>
        <translation>Iscritti
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="271" />
        <source>Present at the session</source>
        <translation>Presenti alla sessione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="271" />
        <location filename="../../desktop_app/ui/reports.py" line="307" />
        <location filename="../../desktop_app/ui/reports.py" line="318" />
        <source>Checked in</source>
        <translation>Presenti</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="273" />
        <source>Not checked in
%1</source>
        <translation>Assenti
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="281" />
        <source>✔ Numbers are final: every desk was heard from since its last check-in.</source>
        <translation>✔ I numeri sono definitivi: ogni postazione si è sincronizzata dopo il suo ultimo ingresso.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="284" />
        <source>⟲ Numbers are not final yet: %1</source>
        <translation>⟲ I numeri non sono ancora definitivi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="289" />
        <source>? Whether the numbers are final is not known: the sync hub has not said which desks it heard from.</source>
        <translation>? Non si sa se i numeri sono definitivi: l'hub di sincronizzazione non ha detto quali postazioni ha sentito.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="301" />
        <source>Arrivals</source>
        <translation>Ingressi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="306" />
        <location filename="../../desktop_app/ui/reports.py" line="317" />
        <source>Registered</source>
        <translation>Iscritti</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="314" />
        <source>(not given)</source>
        <translation>(non indicato)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="339" />
        <source>Asking the hub…</source>
        <translation>Richiesta all'hub…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="353" />
        <source>(The hub could not be asked: %1)</source>
        <translation>(Impossibile interrogare l'hub: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="363" />
        <source>Export the attendance list</source>
        <translation>Esporta l'elenco presenze</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="385" />
        <source>Exporting…</source>
        <translation>Esportazione in corso…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="394" />
        <source>Exported %1 people to %2</source>
        <translation>Esportate %1 persone in %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="403" />
        <source>Export failed: %1</source>
        <translation>Esportazione non riuscita: %1</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Altri</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports.py" line="1" />
        <source>Consular precedence…</source>
        <translation>Precedenze consolari…</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search.py" line="57" />
        <source>Status</source>
        <translation>Stato</translation>
    </message>
</context>
<context>
    <name>SessionsEditor</name>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="81" />
        <source>Sessions — %1</source>
        <translation>Sessioni — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="87" />
        <location filename="../../desktop_app/ui/sessions.py" line="112" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="88" />
        <location filename="../../desktop_app/ui/sessions.py" line="113" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="89" />
        <location filename="../../desktop_app/ui/sessions.py" line="114" />
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="90" />
        <location filename="../../desktop_app/ui/sessions.py" line="115" />
        <source>Starts</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="91" />
        <location filename="../../desktop_app/ui/sessions.py" line="116" />
        <source>Ends</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="92" />
        <source>Present / capacity</source>
        <translation>Presenti / capienza</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="117" />
        <source>Capacity (empty: no limit)</source>
        <translation>Capienza (vuoto: nessun limite)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="120" />
        <source>Add session</source>
        <translation>Aggiungi sessione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="123" />
        <location filename="../../desktop_app/ui/sessions.py" line="189" />
        <source>Import from CSV…</source>
        <translation>Importa da CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="182" />
        <source>Session added: %1</source>
        <translation>Sessione aggiunta: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="189" />
        <source>Sessions CSV</source>
        <translation>CSV delle sessioni</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sessions.py" line="203" />
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>Importate: %1 nuove, %2 aggiornate, %3 invariate</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="42" />
        <source>Desk settings</source>
        <translation>Impostazioni della postazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="50" />
        <source>System language</source>
        <translation>Lingua del sistema</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="61" />
        <source>Play a sound for each scan</source>
        <translation>Suono a ogni scansione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="82" />
        <source>Scan QR codes with the camera</source>
        <translation>Scansiona i QR con la webcam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="85" />
        <source>Default camera</source>
        <translation>Webcam predefinita</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="55" />
        <source>Stage entrance</source>
        <translation>Ingresso della tappa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="106" />
        <source>Print a badge at check-in</source>
        <translation>Stampa il badge all'ingresso</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="73" />
        <source>Desk name</source>
        <translation>Nome della postazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="74" />
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="75" />
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="76" />
        <source>Session door</source>
        <translation>Ingresso sessione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="92" />
        <source>Camera</source>
        <translation>Webcam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="78" />
        <source>Scanner idle timeout</source>
        <translation>Fine scansione dopo una pausa di</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="79" />
        <source>Text size (next start)</source>
        <translation>Dimensione del testo (dal prossimo avvio)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="71" />
        <source>High contrast (next start)</source>
        <translation>Contrasto elevato (dal prossimo avvio)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="159" />
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="160" />
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="45" />
        <source>Desk</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="95" />
        <source>Badges</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="100" />
        <source>%1 (not found)</source>
        <translation>%1 (non trovato)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="102" />
        <source>Ask each time / save as PDF</source>
        <translation>Chiedi ogni volta / salva in PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="105" />
        <source>%1 (not connected)</source>
        <translation>%1 (non collegata)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="108" />
        <source>Badge layout</source>
        <translation>Formato del badge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="109" />
        <source>Badge printer</source>
        <translation>Stampante dei badge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="112" />
        <source>Sync with the hub</source>
        <translation>Sincronizzazione con l'hub</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="118" />
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="127" />
        <source>Sync automatically</source>
        <translation>Sincronizza automaticamente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="134" />
        <source>Hub address</source>
        <translation>Indirizzo dell'hub</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="135" />
        <source>Desk token</source>
        <translation>Token della postazione</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="196" />
        <source>The hub address must start with http:// or https://.</source>
        <translation>L'indirizzo dell'hub deve iniziare con http:// o https://.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="198" />
        <source>To sync automatically, fill in the hub address and the desk token.</source>
        <translation>Per sincronizzare automaticamente, inserisci l'indirizzo dell'hub e il token della postazione.</translation>
    </message>
</context>
<context>
    <name>StagePicker</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="132" />
        <source>Open a stage</source>
        <translation>Apri una tappa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="137" />
        <source>Choose the stage for this desk:</source>
        <translation>Scegli la tappa per questa postazione:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="150" />
        <source>There are no stages on this desk yet. Import one (roadshow-desk stage import FILE) or open the demo stage.</source>
        <translation>Su questa postazione non ci sono ancora tappe. Importane una (roadshow-desk stage import FILE) oppure apri la tappa dimostrativa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="156" />
        <source>Open the demo stage</source>
        <translation>Apri la tappa dimostrativa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="159" />
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>Scan it with the webcam</source>
        <translation>Inquadralo con la webcam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>No camera found on this computer: scan the code with the scanner, or paste it.</source>
        <translation>Nessuna fotocamera su questo computer: leggi il codice con lo scanner, oppure incollalo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>Hold the setup code shown on the organizer's laptop up to the camera.</source>
        <translation>Inquadra con la fotocamera il codice mostrato sul portatile dell'organizzatore.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/stage_picker.py" line="1" />
        <source>That QR code is not a desk setup code: show the one from Add a desk.</source>
        <translation>Quel codice QR non è un codice di configurazione: mostra quello di «Aggiungi una postazione».</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="41" />
        <source>Walk-in registration</source>
        <translation>Nuovo iscritto (in loco)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="53" />
        <source>Privacy notice given and consent obtained</source>
        <translation>Informativa privacy consegnata e consenso raccolto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="54" />
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="55" />
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="56" />
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="57" />
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="58" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="61" />
        <source>Did you mean...?</source>
        <translation>Forse cercavi...?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="74" />
        <source>Check in the selected person</source>
        <translation>Fai entrare la persona selezionata</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="75" />
        <source>Register and check in</source>
        <translation>Registra e fai entrare</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="76" />
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="138" />
        <source>Type at least a first name or a surname.</source>
        <translation>Scrivi almeno il nome o il cognome.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="145" />
        <source>Someone similar is already registered. Choose them from the list, or press Register and check in again to create a new attendee.</source>
        <translation>Una persona simile è già iscritta. Sceglila dalla lista, oppure premi di nuovo «Registra e fai entrare» per creare un nuovo iscritto.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/walk_in.py" line="1" />
        <source>A ticket or a code is not a name: scan it at the desk instead.</source>
        <translation>Un biglietto o un codice non è un nome: scansionalo al banco.</translation>
    </message>
</context>
<context>
    <name>PrecedenceWindow</name>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Precedence of the Consular Corps — %1</source>
        <translation>Precedenze del Corpo Consolare — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Vienna Convention on Consular Relations, art. 16: by class, career heads of post before honorary ones, then by date of the exequatur.</source>
        <translation>Convenzione di Vienna sulle relazioni consolari, art. 16: per classe, i capi di posto di carriera prima degli onorari, poi per data dell'exequatur.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Only consuls checked in</source>
        <translation>Solo i consoli presenti</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Reserved seats per row</source>
        <translation>Posti riservati per fila</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>#</source>
        <translation>N.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Seat</source>
        <translation>Posto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Speaks</source>
        <translation>Ordine int.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Rank</source>
        <translation>Rango</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Name</source>
        <translation>Nominativo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Exequatur</source>
        <translation>Exequatur</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>To check</source>
        <translation>Da verificare</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export PDF…</source>
        <translation>Esporta PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export Excel…</source>
        <translation>Esporta Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>No head of consular post in this list.</source>
        <translation>Nessun capo di posto consolare in questa lista.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>named by the list</source>
        <translation>indicato nella lista</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>first career head of post in precedence</source>
        <translation>primo capo di posto di carriera per precedenza</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>&lt;b&gt;Doyen:&lt;/b&gt; %1 (%2) — %3</source>
        <translation>&lt;b&gt;Decano:&lt;/b&gt; %1 (%2) — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>&lt;b&gt;Greeting:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Saluti:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>%1 heads of consular post, %2 to complete</source>
        <translation>%1 capi di posto consolare, %2 da completare</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export the precedence list</source>
        <translation>Esporta le precedenze</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Exported to %1</source>
        <translation>Esportato in %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/precedence.py" line="1" />
        <source>Export failed: %1</source>
        <translation>Esportazione non riuscita: %1</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Delegation</source>
        <translation>Delegazione</translation>
    </message>
    <message>
        <source>%1 arrives with the delegation %2: who comes in now?</source>
        <translation>%1 arriva con la delegazione %2: chi entra adesso?</translation>
    </message>
    <message>
        <source>%1 arrives with companions: who comes in now?</source>
        <translation>%1 arriva con accompagnatori: chi entra adesso?</translation>
    </message>
    <message>
        <source>head</source>
        <translation>capo delegazione</translation>
    </message>
    <message>
        <source>already checked in</source>
        <translation>già entrato</translation>
    </message>
    <message>
        <source>Space ticks or unticks the row; Enter checks in the ticked.</source>
        <translation>Spazio spunta o toglie la spunta alla riga; Invio registra l'ingresso delle persone spuntate.</translation>
    </message>
    <message>
        <source>Check in the ticked</source>
        <translation>Registra l'ingresso degli spuntati</translation>
    </message>
    <message>
        <source>Nobody now</source>
        <translation>Nessuno per ora</translation>
    </message>
</context>
</TS>