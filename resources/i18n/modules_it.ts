<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<!-- Strings of modules that translate through a _tr() helper lupdate cannot see
     (ui/printing.py, ui/sync_status.py, ui/import_dialog.py, ui/settings_dialog.py's _tr, ui/mail_dialog.py). Kept by hand: add a message when such a string is added. -->
<context>
    <name>printing</name>
    <message>
        <source>Badge not printed</source>
        <translation>Badge non stampato</translation>
    </message>
    <message>
        <source>The badge is not counted as printed.</source>
        <translation>Il badge non risulta stampato.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>The printer is not available.</source>
        <translation>La stampante non è disponibile.</translation>
    </message>
    <message>
        <source>The printer did not accept the job.</source>
        <translation>La stampante non ha accettato la stampa.</translation>
    </message>
    <message>
        <source>The printer reported an error: the badge may not be printed.</source>
        <translation>La stampante ha segnalato un errore: il badge potrebbe non essere stampato.</translation>
    </message>
    <message>
        <source>Already has a printed badge: not printed again automatically.</source>
        <translation>Ha già un badge stampato: non viene ristampato automaticamente.</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Stampa badge</translation>
    </message>
    <message>
        <source>Choose a printer.</source>
        <translation>Scegli una stampante.</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Stampa badge</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Only people with no printed badge</source>
        <translation>Solo chi non ha ancora un badge stampato</translation>
    </message>
    <message>
        <source>Only people already checked in</source>
        <translation>Solo chi è già entrato</translation>
    </message>
    <message>
        <source>Surname (pick-up table)</source>
        <translation>Cognome (tavolo di ritiro)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordine</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Stampante</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>File PDF</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Print to</source>
        <translation>Stampa su</translation>
    </message>
    <message>
        <source>Count the PDF's badges as printed</source>
        <translation>Conta come stampati i badge del PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Stampa</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Save badges as</source>
        <translation>Salva i badge come</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In corso…</translation>
    </message>
    <message>
        <source>No badge printer is chosen in the settings: the badge was not printed.</source>
        <translation>Nelle impostazioni non è scelta una stampante per i badge: il badge non è stato stampato.</translation>
    </message>
    <message>
        <source>Badge printed (%1).</source>
        <translation>Badge stampato (%1).</translation>
    </message>
    <message>
        <source>Badge not printed: no printer chosen.</source>
        <translation>Badge non stampato: nessuna stampante scelta.</translation>
    </message>
    <message>
        <source>Choose a printer or a PDF file.</source>
        <translation>Scegli una stampante o un file PDF.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arresto in corso…</translation>
    </message>
    <message>
        <source>Not counted as printed (a proof).</source>
        <translation>Non conteggiato come stampato (una prova).</translation>
    </message>
    <message>
        <source>The printer %1 is not available.</source>
        <translation>La stampante %1 non è disponibile.</translation>
    </message>
    <message>
        <source>No attendee to show.</source>
        <translation>Nessun iscritto da mostrare.</translation>
    </message>
    <message>
        <source>Stopped: nothing was printed.</source>
        <translation>Interrotto: non è stato stampato nulla.</translation>
    </message>
    <message>
        <source>Cannot write the PDF file %1: check the folder exists and is writable.</source>
        <translation>Impossibile scrivere il file PDF %1: controlla che la cartella esista e sia scrivibile.</translation>
    </message>
    <message>
        <source>Stopped while printing: nothing was counted as printed.</source>
        <translation>Interrotto durante la stampa: nulla è stato conteggiato come stampato.</translation>
    </message>
    <message>
        <source>%1 badges</source>
        <translation>%1 badge</translation>
    </message>
    <message>
        <source>The printer stopped accepting pages.</source>
        <translation>La stampante ha smesso di accettare pagine.</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Impossibile scrivere il file: %1</translation>
    </message>
    <message>
        <source>%1 badges done (%2).</source>
        <translation>%1 badge fatti (%2).</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Not syncing</source>
        <translation>Non sincronizzato</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>avanti</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>indietro</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Orologio</translation>
    </message>
    <message>
        <source>Sync is off</source>
        <translation>Sincronizzazione spenta</translation>
    </message>
    <message>
        <source>No hub address or token</source>
        <translation>Manca l'indirizzo dell'hub o il token</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Connessione all'hub…</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 in attesa</translation>
    </message>
    <message>
        <source>Last synced at %1</source>
        <translation>Ultima sincronizzazione alle %1</translation>
    </message>
    <message>
        <source>Hub refused this desk</source>
        <translation>L'hub ha rifiutato questa postazione</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sincronizzato %1</translation>
    </message>
    <message>
        <source>This computer's clock is %1 min %2 of the hub's. Please set it right.</source>
        <translation>L'orologio di questo computer è %1 min %2 rispetto all'hub. Correggilo, per favore.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 codes appear on the rows of different people (order numbers?): kept as an extra field, not as ticket codes.</source>
        <translation>%1 codici compaiono nelle righe di persone diverse (numeri d'ordine?): conservati come campo aggiuntivo, non come codici biglietto.</translation>
    </message>
    <message>
        <source>%1 is a damaged Excel file (%2).</source>
        <translation>%1 è un file Excel danneggiato (%2).</translation>
    </message>
    <message>
        <source>%1 is a folder, not a CSV or Excel file.</source>
        <translation>%1 è una cartella, non un file CSV o Excel.</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument (.ods) spreadsheet. Save it as .xlsx or CSV (File &gt; Save as), then import that.</source>
        <translation>%1 è un foglio di calcolo OpenDocument (.ods). Salvalo come .xlsx o CSV (File &gt; Salva con nome) e importa quello.</translation>
    </message>
    <message>
        <source>%1 is an old Excel .xls file (or a password-protected workbook). Open it in Excel and save it as .xlsx or CSV, then import that.</source>
        <translation>%1 è un vecchio file Excel .xls (o una cartella protetta da password). Aprilo in Excel, salvalo come .xlsx o CSV e importa quello.</translation>
    </message>
    <message>
        <source>%1 is not a readable CSV file (line %2: %3).</source>
        <translation>%1 non è un file CSV leggibile (riga %2: %3).</translation>
    </message>
    <message>
        <source>%1 is not a readable Excel .xlsx file. Open it in Excel and save it again as .xlsx or CSV.</source>
        <translation>%1 non è un file Excel .xlsx leggibile. Aprilo in Excel e salvalo di nuovo come .xlsx o CSV.</translation>
    </message>
    <message>
        <source>%1 is not a text file (it contains binary data). Import a CSV or an Excel .xlsx file.</source>
        <translation>%1 non è un file di testo (contiene dati binari). Importa un file CSV o Excel .xlsx.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 skipped (from %5 rows).</source>
        <translation>%1 nuovi, %2 aggiornati, %3 invariati, %4 saltati (da %5 righe).</translation>
    </message>
    <message>
        <source>%1 rows have problems: nothing would be imported.</source>
        <translation>%1 righe hanno problemi: non verrebbe importato nulla.</translation>
    </message>
    <message>
        <source>%1 says it is %2 but is not: save it again as CSV UTF-8.</source>
        <translation>%1 dichiara di essere %2 ma non lo è: salvalo di nuovo come CSV UTF-8.</translation>
    </message>
    <message>
        <source>%1 values were stored by Excel as numbers and may have lost digits (e.g. 3.39E+09): check them in the original file.</source>
        <translation>%1 valori sono stati salvati da Excel come numeri e potrebbero aver perso delle cifre (es. 3,39E+09): controllali nel file originale.</translation>
    </message>
    <message>
        <source>%1 · %2 columns, %3 rows</source>
        <translation>%1 · %2 colonne, %3 righe</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>Scegli &amp;file…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importa</translation>
    </message>
    <message>
        <source>&amp;Skip bad rows: import the good rows, leave out the rows with problems</source>
        <translation>&amp;Salta le righe con problemi: importa le righe corrette, lascia fuori le altre</translation>
    </message>
    <message>
        <source>'%1' is not a known category: %2 people imported as guest.</source>
        <translation>'%1' non è una categoria nota: %2 persone importate come ospiti.</translation>
    </message>
    <message>
        <source>'%1' is not a known category: 1 person imported as guest.</source>
        <translation>'%1' non è una categoria nota: 1 persona importata come ospite.</translation>
    </message>
    <message>
        <source>1 row has a problem: nothing would be imported.</source>
        <translation>1 riga ha un problema: non verrebbe importato nulla.</translation>
    </message>
    <message>
        <source>1 value was stored by Excel as numbers and may have lost digits (e.g. 3.39E+09): check them in the original file.</source>
        <translation>1 valore è stato salvato da Excel come numero e potrebbe aver perso delle cifre (es. 3,39E+09): controllalo nel file originale.</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Controlla</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controllo</translation>
    </message>
    <message>
        <source>Check done: %1</source>
        <translation>Controllo fatto: %1</translation>
    </message>
    <message>
        <source>Check the file before importing: nothing is written by a check.</source>
        <translation>Controlla il file prima di importarlo: il controllo non scrive nulla.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Controllo del file…</translation>
    </message>
    <message>
        <source>Choose the column of the first name or last name (or of the full name): a person needs a name.</source>
        <translation>Scegli la colonna del nome o del cognome (o del nome completo): ogni iscritto deve avere un nome.</translation>
    </message>
    <message>
        <source>Choose the registration list</source>
        <translation>Scegli l'elenco degli iscritti</translation>
    </message>
    <message>
        <source>Choose the registration list: a CSV or Excel file.</source>
        <translation>Scegli l'elenco degli iscritti: un file CSV o Excel.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Column "%1": %2</source>
        <translation>Colonna "%1": %2</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Correct them in the file and check it again, or tick "Skip bad rows" to import the other rows.</source>
        <translation>Correggile nel file e controllalo di nuovo, oppure spunta "Salta le righe con problemi" per importare le altre righe.</translation>
    </message>
    <message>
        <source>Countries of interest</source>
        <translation>Paesi di interesse</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Prime righe del file</translation>
    </message>
    <message>
        <source>Full name (first name first)</source>
        <translation>Nome e cognome (una colonna)</translation>
    </message>
    <message>
        <source>Full name (last name first)</source>
        <translation>Cognome e nome (una colonna)</translation>
    </message>
    <message>
        <source>Import registration list</source>
        <translation>Importa elenco iscritti</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Importazione fatta: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importazione in corso…</translation>
    </message>
    <message>
        <source>Kept as extra fields: %1</source>
        <translation>Conservate come campi aggiuntivi: %1</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>No other columns: nothing is kept as extra fields.</source>
        <translation>Nessun'altra colonna: nessun campo aggiuntivo.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nothing has been written yet: press Import to import.</source>
        <translation>Non è stato ancora scritto nulla: premi Importa per importare.</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Non è stato importato nulla. %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 rows have problems.</source>
        <translation>Non è stato importato nulla: %1 righe hanno problemi.</translation>
    </message>
    <message>
        <source>Nothing was imported: 1 row has a problem.</source>
        <translation>Non è stato importato nulla: 1 riga ha un problema.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Privacy consent</source>
        <translation>Consenso privacy</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemi (%1)</translation>
    </message>
    <message>
        <source>Problems and warnings</source>
        <translation>Problemi e avvisi</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lettura del file…</translation>
    </message>
    <message>
        <source>Registration lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Elenchi iscritti (*.csv *.xlsx *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Row %1, column "%2": %3</source>
        <translation>Riga %1, colonna "%2": %3</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Riga %1: %2</translation>
    </message>
    <message>
        <source>Rows left out (%1)</source>
        <translation>Righe lasciate fuori (%1)</translation>
    </message>
    <message>
        <source>Rows of the same person merged: %1.</source>
        <translation>Righe della stessa persona unite: %1.</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Settore</translation>
    </message>
    <message>
        <source>The characters of %1 are in an encoding the importer does not know (it reads UTF-8 and Windows-1252). Save the file again as 'CSV UTF-8'.</source>
        <translation>I caratteri di %1 sono in una codifica che l'importazione non conosce (legge UTF-8 e Windows-1252). Salva di nuovo il file come 'CSV UTF-8'.</translation>
    </message>
    <message>
        <source>The columns changed: check the file again.</source>
        <translation>Le colonne sono cambiate: controlla di nuovo il file.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (%2).</source>
        <translation>Il file %1 non si può leggere (%2).</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Il file %1 non esiste.</translation>
    </message>
    <message>
        <source>The file %1 is empty (no rows).</source>
        <translation>Il file %1 è vuoto (nessuna riga).</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>Il file %1 è vuoto.</translation>
    </message>
    <message>
        <source>The file %1 is too big (%2 MB): a registration list is a few MB at most.</source>
        <translation>Il file %1 è troppo grande (%2 MB): un elenco iscritti occupa al massimo pochi MB.</translation>
    </message>
    <message>
        <source>The file has no name columns: choose the columns of the first and last name (or of the full name) in the list of fields.</source>
        <translation>Il file non ha colonne con i nomi: scegli nell'elenco dei campi le colonne del nome e del cognome (o del nome completo).</translation>
    </message>
    <message>
        <source>The workbook %1 is empty (no rows in any sheet).</source>
        <translation>La cartella di lavoro %1 è vuota (nessuna riga in nessun foglio).</translation>
    </message>
    <message>
        <source>Ticket codes</source>
        <translation>Codici biglietto</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Avvisi (%1)</translation>
    </message>
    <message>
        <source>Which column fills each field (as guessed from the column names):</source>
        <translation>Quale colonna riempie ogni campo (come dedotto dai nomi delle colonne):</translation>
    </message>
    <message>
        <source>describes the same registered person as row %1 (same ticket code or e-mail).</source>
        <translation>descrive lo stesso iscritto della riga %1 (stesso codice biglietto o e-mail).</translation>
    </message>
    <message>
        <source>its ticket codes belong to different registered people.</source>
        <translation>i suoi codici biglietto appartengono a iscritti diversi.</translation>
    </message>
    <message>
        <source>no first name and no last name.</source>
        <translation>mancano sia il nome sia il cognome.</translation>
    </message>
    <message>
        <source>the cell is too long (%1 characters; at most %2).</source>
        <translation>la cella è troppo lunga (%1 caratteri; al massimo %2).</translation>
    </message>
    <message>
        <source>the e-mail address is not valid.</source>
        <translation>l'indirizzo e-mail non è valido.</translation>
    </message>
    <message>
        <source>the same as row %1: imported once.</source>
        <translation>uguale alla riga %1: importata una volta sola.</translation>
    </message>
    <message>
        <source>the same person as row %1: merged, the later row's values win.</source>
        <translation>la stessa persona della riga %1: righe unite, valgono i valori della riga più in basso.</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— non importato —</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… e altri %1</translation>
    </message>
</context>
<!-- ui/reports.py looks here before the lupdate catalogue: the words of the desk and of the PDF. -->
<context>
    <name>SessionsEditor</name>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>To print a badge at check-in, choose the badge printer.</source>
        <translation>Per stampare il badge all'ingresso, scegli la stampante dei badge.</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <source>Mail server</source>
        <translation>Server di posta</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>nessun limite</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> al minuto</translation>
    </message>
    <message>
        <source>Mail server (SMTP)</source>
        <translation>Server di posta (SMTP)</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicurezza</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sender's e-mail address</source>
        <translation>Indirizzo e-mail del mittente</translation>
    </message>
    <message>
        <source>Sender's name</source>
        <translation>Nome del mittente</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite di invio</translation>
    </message>
    <message>
        <source>Language when a person has none</source>
        <translation>Lingua se la persona non ne ha una</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Send tickets</source>
        <translation>Invia biglietti</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Biglietto</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Promemoria</translation>
    </message>
    <message>
        <source>Only retry failures</source>
        <translation>Solo i non riusciti</translation>
    </message>
    <message>
        <source>Mail server…</source>
        <translation>Server di posta…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>Stopped before the end: send again to reach the others.</source>
        <translation>Interrotto prima della fine: invia di nuovo per raggiungere gli altri.</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (porta 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (porta 465)</translation>
    </message>
    <message>
        <source>None (local relay only)</source>
        <translation>Nessuna (solo server locale)</translation>
    </message>
    <message>
        <source>Fill in the sender's e-mail address.</source>
        <translation>Inserisci l'indirizzo e-mail del mittente.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non impostato</translation>
    </message>
    <message>
        <source>Stopping after this e-mail…</source>
        <translation>Interruzione dopo questa e-mail…</translation>
    </message>
    <message>
        <source>%1 refused by the mail server (retry them with “Only retry failures”):</source>
        <translation>%1 rifiutate dal server di posta (riprova con “Solo i non riusciti”):</translation>
    </message>
    <message>
        <source>In doubt, not sent again automatically (the app or the connection stopped while sending): %1</source>
        <translation>In dubbio, non reinviati automaticamente (l'app o la connessione si è fermata durante l'invio): %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Interrotto: %1</translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation>%1 da inviare</translation>
    </message>
    <message>
        <source>%1 already sent</source>
        <translation>%1 già inviati</translation>
    </message>
    <message>
        <source>%1 without e-mail</source>
        <translation>%1 senza e-mail</translation>
    </message>
    <message>
        <source>Ticket sent to %1.</source>
        <translation>Biglietto inviato a %1.</translation>
    </message>
    <message>
        <source>Sent %1 of %2 e-mails.</source>
        <translation>Inviate %1 e-mail su %2.</translation>
    </message>
    <message>
        <source>%1 in doubt</source>
        <translation>%1 in dubbio</translation>
    </message>
</context>
</TS>
