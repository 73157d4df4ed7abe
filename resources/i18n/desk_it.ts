<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT">
    <context>
        <name>WalkInDialog</name>
        <message>
            <source>not checked in</source>
            <translation>ingresso non registrato</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titolo</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Ruolo</translation>
        </message>
        <message>
            <source>e.g. Dott., Ing., S.E.</source>
            <translation>es. Dott., Ing., S.E.</translation>
        </message>
    </context>
    <context>
        <name>printing</name>
        <message>
            <source>Badge of %1</source>
            <translation>Badge di %1</translation>
        </message>
        <message>
            <source>%1, page %2 × %3 mm</source>
            <translation>%1, pagina %2 × %3 mm</translation>
        </message>
        <message>
            <source>The text of %1's badge is smaller than the layout's minimum: check it reads well before printing.</source>
            <translation>Il testo del badge di %1 è più piccolo del minimo del formato: controlla che si legga bene prima di stamparlo.</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Salva come PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Stampa…</translation>
        </message>
        <message>
            <source>No printer is connected to this desk.</source>
            <translation>Nessuna stampante è collegata a questa postazione.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Save the badge as</source>
            <translation>Salva il badge come</translation>
        </message>
        <message>
            <source>Badge preview: save it as a PDF or print it.</source>
            <translation>Anteprima del badge: salvalo come PDF o stampalo.</translation>
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message>
            <source>Category</source>
            <translation>Categoria</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Consular rank</source>
            <translation>Grado consolare</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servizio</translation>
        </message>
        <message>
            <source>Exequatur</source>
            <translation>Exequatur</translation>
        </message>
        <message>
            <source>no date</source>
            <translation>nessuna data</translation>
        </message>
    </context>
    <context>
        <name>VipNotices</name>
        <message>
            <source>Host to call: %1</source>
            <translation>Referente da chiamare: %1</translation>
        </message>
        <message>
            <source>no host given</source>
            <translation>nessun referente indicato</translation>
        </message>
        <message>
            <source>VIP checked in here: %1</source>
            <translation>VIP accreditato qui: %1</translation>
        </message>
        <message>
            <source>Escort to the protocol desk.</source>
            <translation>Accompagnare al desk del protocollo.</translation>
        </message>
        <message>
            <source>%1 more VIP instructions waiting</source>
            <translation>Altre istruzioni VIP in attesa: %1</translation>
        </message>
        <message>
            <source>VIP arrived: %1 at %2, %3</source>
            <translation>Arrivo VIP: %1 alla postazione %2, ore %3</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>Presa visione</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Chiudi</translation>
        </message>
    </context>
</TS>