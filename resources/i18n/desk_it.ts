<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT">
    <context>
        <name>WalkInDialog</name>
        <message>
            <source>not checked in</source>
            <translation>ingresso non registrato</translation>
        </message>
    </context>
</TS>