<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<!-- Strings of modules that translate through a _tr() helper lupdate cannot see
     (ui/printing.py, ui/sync_status.py). Kept by hand: add a message when such a string is added. -->
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
</TS>
