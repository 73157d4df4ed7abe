<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<!-- Strings of modules that translate through a _tr() helper lupdate cannot see
     (ui/printing.py, ui/sync_status.py, ui/import_dialog.py, ui/settings_dialog.py's _tr). Kept by hand: add a message when such a string is added. -->
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
        <source>%1 refused</source>
        <translation>%1 rifiutati</translation>
    </message>
    <message>
        <source>The hub refused %1 of this desk's events (the others were sent). They are kept and sent again at every sync.</source>
        <translation>L'hub ha rifiutato %1 eventi di questa postazione (gli altri sono stati inviati). Sono conservati e inviati di nuovo a ogni sincronizzazione.</translation>
    </message>
    <message>
        <source>%1 events from the hub cannot be used on this desk and were set aside; everything else is up to date.</source>
        <translation>%1 eventi ricevuti dall'hub non sono utilizzabili su questa postazione e sono stati messi da parte; tutto il resto è aggiornato.</translation>
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
    <message>
        <source>%1 lines of the file are in Windows-1252 and %2 in UTF-8 (two exports pasted together?): each line was read in its own encoding. Check their names.</source>
        <translation>%1 righe del file sono in Windows-1252 e %2 in UTF-8 (due esportazioni incollate insieme?): ogni riga è stata letta nella sua codifica. Controllate i nomi.</translation>
    </message>
    <message>
        <source>%1 people are no longer in the list: they stay registered unless you tick the box below.</source>
        <translation>%1 persone non sono più nell'elenco: restano iscritte, a meno che spuntiate la casella qui sotto.</translation>
    </message>
    <message>
        <source>'%1' is not a known status: %2 people imported as active.</source>
        <translation>'%1' non è uno stato conosciuto: %2 persone importate come attive.</translation>
    </message>
    <message>
        <source>'%1' is not a known status: 1 person imported as active.</source>
        <translation>'%1' non è uno stato conosciuto: 1 persona importata come attiva.</translation>
    </message>
    <message>
        <source>Also &amp;cancel the registrations of the %1 people no longer in the list</source>
        <translation>&amp;Annulla anche le iscrizioni delle %1 persone non più nell'elenco</translation>
    </message>
    <message>
        <source>Cancelled the %1 people no longer in the list.</source>
        <translation>Annullate le iscrizioni delle %1 persone non più nell'elenco.</translation>
    </message>
    <message>
        <source>More notes</source>
        <translation>Altre note</translation>
    </message>
    <message>
        <source>No longer in the list (%1)</source>
        <translation>Non più nell'elenco (%1)</translation>
    </message>
    <message>
        <source>Order code</source>
        <translation>Codice ordine</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>Stato dell'iscrizione</translation>
    </message>
    <message>
        <source>Special attention</source>
        <translation>Attenzione particolare</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegazione</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Capo delegazione</translation>
    </message>
    <message>
        <source>Companion of</source>
        <translation>Accompagnatore di</translation>
    </message>
    <message>
        <source>Name in native script</source>
        <translation>Nome nella scrittura originale</translation>
    </message>
    <message>
        <source>Status column: %1 cancelled, %2 active again.</source>
        <translation>Colonna dello stato: %1 annullate, %2 di nuovo attive.</translation>
    </message>
    <message>
        <source>Would cancel the %1 people no longer in the list.</source>
        <translation>Verrebbero annullate le iscrizioni delle %1 persone non più nell'elenco.</translation>
    </message>
    <message>
        <source>a quote (") opens in this cell and is never closed: the next %1 lines of the file (to line %2) were read as its text. Close the quote or remove it, then import again.</source>
        <translation>in questa cella si apre una virgoletta (") che non viene mai chiusa: le %1 righe seguenti del file (fino alla riga %2) sono state lette come suo testo. Chiudete o togliete la virgoletta, poi importate di nuovo.</translation>
    </message>
    <message>
        <source>cancelled at the desk; the list says active: left cancelled.</source>
        <translation>annullata al banco; l'elenco la dà attiva: resta annullata.</translation>
    </message>
    <message>
        <source>characters were lost (a '?' where a letter was): check the spelling.</source>
        <translation>sono andati persi dei caratteri (un '?' al posto di una lettera): controllate come si scrive.</translation>
    </message>
    <message>
        <source>no last name (the badge shows the first name only).</source>
        <translation>manca il cognome (il badge mostra solo il nome).</translation>
    </message>
    <message>
        <source>the file is not UTF-8: read as %1. Check a few names, or save the file again as 'CSV UTF-8'.</source>
        <translation>il file non è in UTF-8: letto come %1. Controllate qualche nome, o salvate di nuovo il file come 'CSV UTF-8'.</translation>
    </message>
    <message>
        <source>the text looks garbled (characters read in the wrong encoding): check the name, or save the file again as 'CSV UTF-8'.</source>
        <translation>il testo sembra illeggibile (caratteri letti nella codifica sbagliata): controllate il nome, o salvate di nuovo il file come 'CSV UTF-8'.</translation>
    </message>
    <message>
        <source>this row is in Windows-1252 while the file is UTF-8: read as Windows-1252, check its accented letters.</source>
        <translation>questa riga è in Windows-1252 mentre il file è in UTF-8: letta come Windows-1252, controlla le lettere accentate.</translation>
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
<!-- Stage picker, venue hub, Add a desk, sync refusals (setup helper): kept by hand. -->
<context>
    <name>NewStageDialog</name>
    <message>
        <source>New stage</source>
        <translation>Nuova tappa</translation>
    </message>
    <message>
        <source>e.g. Tappa di Bergamo</source>
        <translation>es. Tappa di Bergamo</translation>
    </message>
    <message>
        <source>comma-separated, e.g. India, Vietnam, Brasile</source>
        <translation>separati da virgole, es. India, Vietnam, Brasile</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Countries of interest</source>
        <translation>Paesi di interesse</translation>
    </message>
    <message>
        <source>Create the stage</source>
        <translation>Crea la tappa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>A stage needs a title.</source>
        <translation>Una tappa deve avere un titolo.</translation>
    </message>
</context>
<context>
    <name>ConnectHubDialog</name>
    <message>
        <source>Connect to a hub</source>
        <translation>Collegati a un hub</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Indirizzo dell'hub</translation>
    </message>
    <message>
        <source>Desk token</source>
        <translation>Token della postazione</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Collegati</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>StagePicker</name>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>Questo file non si può leggere: %1</translation>
    </message>
    <message>
        <source>There are no stages on this desk yet: create one, open a stage file, connect to the hub, scan the setup code the organizer shows, or try the demo stage.</source>
        <translation>Su questa postazione non ci sono ancora tappe: creane una, apri un file di tappa, collegati all'hub, scansiona il codice di configurazione mostrato dall'organizzazione o prova la tappa dimostrativa.</translation>
    </message>
    <message>
        <source>New stage…</source>
        <translation>Nuova tappa…</translation>
    </message>
    <message>
        <source>Open a stage file…</source>
        <translation>Apri un file di tappa…</translation>
    </message>
    <message>
        <source>Connect to a hub…</source>
        <translation>Collegati a un hub…</translation>
    </message>
    <message>
        <source>Desk setup code</source>
        <translation>Codice di configurazione della postazione</translation>
    </message>
    <message>
        <source>Scan the setup code shown on the organizer's laptop (Add a desk) with the scanner, or paste it here: the desk is set up with no typing.</source>
        <translation>Scansiona con il lettore il codice di configurazione mostrato sul portatile dell'organizzazione (Aggiungi una postazione), oppure incollalo qui: la postazione si configura senza digitare nulla.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Open a stage file</source>
        <translation>Apri un file di tappa</translation>
    </message>
    <message>
        <source>Stage files (*.rdstage);;All (*)</source>
        <translation>File di tappa (*.rdstage);;Tutti (*)</translation>
    </message>
    <message>
        <source>Connecting to the hub at %1…</source>
        <translation>Collegamento all'hub %1…</translation>
    </message>
    <message>
        <source>Check that this laptop is on the venue network and the hub is running.</source>
        <translation>Controlla che questo portatile sia collegato alla rete della sede e che l'hub sia acceso.</translation>
    </message>
    <message>
        <source>The hub has no stage for this desk yet.</source>
        <translation>L'hub non ha ancora nessuna tappa per questa postazione.</translation>
    </message>
    <message>
        <source>This stage is dated %1, but today is %2: check that it is the right stage.</source>
        <translation>Questa tappa è del %1, ma oggi è il %2: controlla che sia la tappa giusta.</translation>
    </message>
</context>
<context>
    <name>VenueHub</name>
    <message>
        <source>The hub did not start.</source>
        <translation>L'hub non si è avviato.</translation>
    </message>
    <message>
        <source>Port %1 is taken: choose another port.</source>
        <translation>La porta %1 è già in uso: scegli un'altra porta.</translation>
    </message>
    <message>
        <source>The hub stopped: %1</source>
        <translation>L'hub si è fermato: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
</context>
<context>
    <name>VenueHubDialog</name>
    <message>
        <source>Run the hub on this laptop</source>
        <translation>Hub su questo portatile</translation>
    </message>
    <message>
        <source>The desks at this venue sync through this laptop. Keep it on and connected to the venue network during the stage.</source>
        <translation>Le postazioni di questa sede si sincronizzano tramite questo portatile. Tienilo acceso e collegato alla rete della sede per tutta la tappa.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Plain HTTP: use it only on the venue's own network (never on a public Wi-Fi), and revoke the desks' tokens after the stage.</source>
        <translation>HTTP non cifrato: usalo solo sulla rete della sede (mai su un Wi-Fi pubblico) e revoca i token delle postazioni dopo la tappa.</translation>
    </message>
    <message>
        <source>Start the hub</source>
        <translation>Avvia l'hub</translation>
    </message>
    <message>
        <source>Add a desk…</source>
        <translation>Aggiungi una postazione…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Tappe</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Portatile</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Ultimo contatto</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Stop the hub</source>
        <translation>Ferma l'hub</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Non attivo</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutte</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocata</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>associata</translation>
    </message>
    <message>
        <source>waiting for its scan</source>
        <translation>in attesa della scansione</translation>
    </message>
</context>
<context>
    <name>AddDeskDialog</name>
    <message>
        <source>Add a desk</source>
        <translation>Aggiungi una postazione</translation>
    </message>
    <message>
        <source>(this laptop only)</source>
        <translation>(solo questo portatile)</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Indirizzo dell'hub</translation>
    </message>
    <message>
        <source>Stages for the desk</source>
        <translation>Tappe della postazione</translation>
    </message>
    <message>
        <source>Add a desk and show its setup code</source>
        <translation>Aggiungi una postazione e mostra il suo codice</translation>
    </message>
    <message>
        <source>Desks on this hub:</source>
        <translation>Postazioni di questo hub:</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoca…</translation>
    </message>
    <message>
        <source>Replace the laptop…</source>
        <translation>Sostituisci il portatile…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>The setup code appears here.</source>
        <translation>Qui compare il codice di configurazione.</translation>
    </message>
    <message>
        <source>On the new desk: start Roadshow Desk, and in the stage picker scan this code with the desk's scanner (or paste it). The code holds the desk's token: do not print it or send it around.</source>
        <translation>Sulla nuova postazione: avvia Roadshow Desk e, nella scelta della tappa, scansiona questo codice con il lettore della postazione (o incollalo). Il codice contiene il token della postazione: non stamparlo e non inoltrarlo.</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Copia il codice</translation>
    </message>
    <message>
        <source>Start the hub on this laptop first (Desk ▸ Run the hub on this laptop…).</source>
        <translation>Prima avvia l'hub su questo portatile (Postazione ▸ Hub su questo portatile…).</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocata</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>associata</translation>
    </message>
    <message>
        <source>waiting for its scan</source>
        <translation>in attesa della scansione</translation>
    </message>
    <message>
        <source>Choose at least one stage for the desk.</source>
        <translation>Scegli almeno una tappa per la postazione.</translation>
    </message>
    <message>
        <source>Setup code for %1</source>
        <translation>Codice di configurazione di %1</translation>
    </message>
    <message>
        <source>%1 is registered for %2. Scan the code on the new desk.</source>
        <translation>%1 è registrata per %2. Scansiona il codice sulla nuova postazione.</translation>
    </message>
    <message>
        <source>Choose a desk in the list first.</source>
        <translation>Prima scegli una postazione dall'elenco.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Revoca %1</translation>
    </message>
    <message>
        <source>Revoke %1? Its token stops working at once: that laptop can no longer sync. What it already sent stays.</source>
        <translation>Revocare %1? Il suo token smette subito di funzionare: quel portatile non può più sincronizzarsi. Ciò che ha già inviato resta.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoca</translation>
    </message>
    <message>
        <source>%1 is revoked.</source>
        <translation>%1 è revocata.</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>Sostituisci %1</translation>
    </message>
    <message>
        <source>Replace the laptop of %1? Its old token stops working, and a new setup code for %1 (same stages) is shown for the new laptop.</source>
        <translation>Sostituire il portatile di %1? Il vecchio token smette di funzionare e viene mostrato un nuovo codice di configurazione per %1 (stesse tappe) per il nuovo portatile.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sostituisci</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>This is the demo stage: its people are made up, so it never syncs with the hub. Open a real stage to sync.</source>
        <translation>Questa è la tappa dimostrativa: i suoi partecipanti sono inventati, quindi non si sincronizza mai con l'hub. Apri una tappa vera per sincronizzare.</translation>
    </message>
    <message>
        <source>The hub in Settings is for the stages this desk was given, not this one. To sync it, open Settings with this stage open and save the hub again, or ask the organizer for a setup code that includes it.</source>
        <translation>L'hub nelle Impostazioni vale per le tappe assegnate a questa postazione, non per questa. Per sincronizzarla, apri le Impostazioni con questa tappa aperta e salva di nuovo l'hub, oppure chiedi all'organizzazione un codice di configurazione che la includa.</translation>
    </message>
    <message>
        <source>The hub does not let this desk sync the stage '%1'. Ask the organizer to add it to this desk (Add a desk), or open a stage this desk was given.</source>
        <translation>L'hub non permette a questa postazione di sincronizzare la tappa '%1'. Chiedi all'organizzazione di assegnarla a questa postazione (Aggiungi una postazione) oppure apri una tappa assegnata a questa postazione.</translation>
    </message>
    <message>
        <source>The hub does not have the stage '%1' yet and only the organizer's laptop may publish it. Ask the organizer to publish it, or get it with Connect to a hub.</source>
        <translation>L'hub non ha ancora la tappa '%1' e solo il portatile dell'organizzazione può pubblicarla. Chiedi all'organizzazione di pubblicarla, oppure scaricala con Collegati a un hub.</translation>
    </message>
    <message>
        <source>The hub does not have the stage '%1'. Ask the organizer to publish it first.</source>
        <translation>L'hub non ha la tappa '%1'. Chiedi prima all'organizzazione di pubblicarla.</translation>
    </message>
    <message>
        <source>The hub does not take the demo stage: its people are made up. Open a real stage.</source>
        <translation>L'hub non accetta la tappa dimostrativa: i suoi partecipanti sono inventati. Apri una tappa vera.</translation>
    </message>
    <message>
        <source>The hub does not know this desk's token. Scan a new setup code from the organizer (Add a desk).</source>
        <translation>L'hub non riconosce il token di questa postazione. Scansiona un nuovo codice di configurazione dall'organizzazione (Aggiungi una postazione).</translation>
    </message>
    <message>
        <source>The organizer revoked this desk's token. Scan a new setup code from the organizer.</source>
        <translation>L'organizzazione ha revocato il token di questa postazione. Scansiona un nuovo codice di configurazione dall'organizzazione.</translation>
    </message>
    <message>
        <source>This token belongs to another laptop. Ask the organizer to replace this desk (Add a desk ▸ Replace) and scan the new setup code.</source>
        <translation>Questo token appartiene a un altro portatile. Chiedi all'organizzazione di sostituire questa postazione (Aggiungi una postazione ▸ Sostituisci) e scansiona il nuovo codice.</translation>
    </message>
    <message>
        <source>The hub already has a different stage called '%1'. Get the stage from the hub with Connect to a hub instead of creating it again.</source>
        <translation>L'hub ha già un'altra tappa chiamata '%1'. Scarica la tappa dall'hub con Collegati a un hub invece di crearla di nuovo.</translation>
    </message>
    <message>
        <source>Demo stage: never synced</source>
        <translation>Tappa dimostrativa: mai sincronizzata</translation>
    </message>
    <message>
        <source>Not syncing: stage not given to this desk</source>
        <translation>Non sincronizzata: tappa non assegnata a questa postazione</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>This is the demo stage: it never syncs. The hub applies to real stages.</source>
        <translation>Questa è la tappa dimostrativa: non si sincronizza mai. L'hub vale per le tappe vere.</translation>
    </message>
    <message>
        <source>Saving with sync on makes this desk sync the stage '%1' with the hub.</source>
        <translation>Salvando con la sincronizzazione attiva, questa postazione sincronizza la tappa '%1' con l'hub.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switch stage…</source>
        <translation>Cambia tappa…</translation>
    </message>
    <message>
        <source>Run the hub on this laptop…</source>
        <translation>Hub su questo portatile…</translation>
    </message>
    <message>
        <source>Add a desk…</source>
        <translation>Aggiungi una postazione…</translation>
    </message>
    <message>
        <source>This is a desk setup code: open Stage ▸ Switch stage… and scan it there.</source>
        <translation>Questo è un codice di configurazione della postazione: apri Tappa ▸ Cambia tappa… e scansionalo lì.</translation>
    </message>
</context>
<context>
    <name>StageActions</name>
    <message>
        <source>Duplicates…</source>
        <translation>Ingressi doppi…</translation>
    </message>
    <message>
        <source>Series report…</source>
        <translation>Report della serie…</translation>
    </message>
    <message>
        <source>Erase this person's data…</source>
        <translation>Cancella i dati di questa persona…</translation>
    </message>
    <message>
        <source>Purge this stage's copy…</source>
        <translation>Elimina la copia di questa tappa…</translation>
    </message>
    <message>
        <source>%1 people were checked in more than once (e.g. at two offline desks):</source>
        <translation>%1 persone risultano entrate più di una volta (ad es. da due postazioni non collegate):</translation>
    </message>
    <message>
        <source>Nobody was checked in twice at this stage.</source>
        <translation>Nessuno risulta entrato due volte in questa tappa.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Ingressi doppi</translation>
    </message>
    <message>
        <source>Series report</source>
        <translation>Report della serie</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Series report saved: %1 stages, %2 people, %3 companies.</source>
        <translation>Report della serie salvato: %1 tappe, %2 persone, %3 imprese.</translation>
    </message>
    <message>
        <source>Choose one person whose personal data is to be erased.</source>
        <translation>Scegli una persona di cui cancellare i dati personali.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Cancella i dati personali</translation>
    </message>
    <message>
        <source>Erase the personal data of %1? Names, company, contacts and codes are blanked here and on every desk and hub this stage syncs with; attendance stays in the numbers. This cannot be undone.</source>
        <translation>Cancellare i dati personali di %1? Nomi, impresa, contatti e codici vengono svuotati qui e su ogni postazione e hub con cui questa tappa si sincronizza; la presenza resta nei conteggi. L'operazione non si può annullare.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Cancella</translation>
    </message>
    <message>
        <source>The personal data was erased.</source>
        <translation>I dati personali sono stati cancellati.</translation>
    </message>
    <message>
        <source>The hub never acknowledged %1 events of this copy (check-ins, registrations…): purging deletes them for good. Sync with the hub first if you can. Delete anyway?</source>
        <translation>L'hub non ha mai confermato %1 eventi di questa copia (ingressi, iscrizioni…): eliminandola vanno persi per sempre. Se puoi, sincronizza prima con l'hub. Eliminare comunque?</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>Elimina comunque</translation>
    </message>
    <message>
        <source>The hub holds every event of this stage. Delete this desk's copy of %1 (the file and its backups)? The stage stays on the hub.</source>
        <translation>L'hub ha tutti gli eventi di questa tappa. Eliminare la copia di %1 su questa postazione (il file e i suoi backup)? La tappa resta sull'hub.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Purge this stage's copy</source>
        <translation>Elimina la copia di questa tappa</translation>
    </message>
    <message>
        <source>This desk's copy of the stage was deleted.</source>
        <translation>La copia della tappa su questa postazione è stata eliminata.</translation>
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
