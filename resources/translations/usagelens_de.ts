<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>{app} is built with these open-source components, each under its own licence:</source>
        <translation>{app} ist mit diesen Open-Source-Komponenten gebaut, jede unter ihrer eigenen Lizenz:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Also included&lt;/b&gt; (what the components above use):</source>
        <translation>&lt;b&gt;Ebenfalls enthalten&lt;/b&gt; (was die obigen Komponenten verwenden):</translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the GNU Lesser General Public License v3: their libraries ship as separate files you may replace with your own build of the same version; their source is at &lt;a href=&quot;https://code.qt.io&quot;&gt;code.qt.io&lt;/a&gt;.</source>
        <translation>Qt und Qt for Python werden unter der GNU Lesser General Public License v3 verwendet: Ihre Bibliotheken liegen als eigene Dateien bei, die Sie durch einen eigenen Build derselben Version ersetzen dürfen; ihr Quellcode ist unter &lt;a href=&quot;https://code.qt.io&quot;&gt;code.qt.io&lt;/a&gt; zu finden.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Understand how customers use your product, from exports to findings, actions and a summary for stakeholders.&lt;/p&gt;&lt;p&gt;Your data stays on this computer or in your own warehouse: no telemetry, and no network connection but to a warehouse you connect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verstehen Sie, wie Kunden Ihr Produkt nutzen – von Exporten zu Erkenntnissen, Maßnahmen und einer Zusammenfassung für Stakeholder.&lt;/p&gt;&lt;p&gt;Ihre Daten bleiben auf diesem Computer oder in Ihrem eigenen Data Warehouse: keine Telemetrie und keine Netzwerkverbindung außer zu einem Data Warehouse, das Sie verbinden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Third-party software&lt;/b&gt;</source>
        <translation>&lt;b&gt;Software von Drittanbietern&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The arrow keys go from link to link; Enter opens the one selected.</source>
        <translation>Die Pfeiltasten gehen von Link zu Link; Enter öffnet den ausgewählten.</translation>
    </message>
</context>
<context>
    <name>ActionStatus</name>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>ausgeliefert</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <source>New action</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Maßnahme hinzufügen</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Maßnahme entfernen</translation>
    </message>
    <message>
        <source>Remove {count} actions</source>
        <translation>{count} Maßnahmen entfernen</translation>
    </message>
    <message>
        <source>Filter actions…</source>
        <translation>Maßnahmen filtern…</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Maßnahmenplan</translation>
    </message>
    <message>
        <source>Each action should have an owner, a due date and the effect you expect on a KPI.</source>
        <translation>Jede Maßnahme braucht eine verantwortliche Person, ein Fälligkeitsdatum und die erwartete Wirkung auf eine Kennzahl.</translation>
    </message>
    <message>
        <source>No actions yet. For each finding worth acting on, add what you will change, who owns it and by when.</source>
        <translation>Noch keine Maßnahmen. Halten Sie zu jeder Erkenntnis, die ein Handeln lohnt, fest, was Sie ändern, wer verantwortlich ist und bis wann.</translation>
    </message>
    <message>
        <source>Findings this action addresses</source>
        <translation>Erkenntnisse, auf die diese Maßnahme eingeht</translation>
    </message>
    <message>
        <source>Expected effect on the KPI</source>
        <translation>Erwartete Wirkung auf die Kennzahl</translation>
    </message>
    <message>
        <source>Which KPI should move, from what to what, by when (e.g. weekly reminder use from 10% to 30%)</source>
        <translation>Welche Kennzahl sich von wo nach wo bis wann bewegen soll (z. B. wöchentliche Nutzung der Erinnerungen von 10 % auf 30 %)</translation>
    </message>
    <message>
        <source>Edit the expected effect</source>
        <translation>Erwartete Wirkung bearbeiten</translation>
    </message>
</context>
<context>
    <name>AnalysePage</name>
    <message>
        <source>Result table</source>
        <translation>Ergebnistabelle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exchange rates…</source>
        <translation>Wechselkurse…</translation>
    </message>
    <message>
        <source>Rates to add up revenue in several currencies (kept in the project).</source>
        <translation>Kurse, um Umsätze in mehreren Währungen zu addieren (im Projekt gespeichert).</translation>
    </message>
    <message>
        <source>Pin as finding</source>
        <translation>Als Erkenntnis festhalten</translation>
    </message>
    <message>
        <source>Add a finding to step 5 with these settings and a picture of the chart.</source>
        <translation>Eine Erkenntnis mit diesen Einstellungen und einem Bild des Diagramms zu Schritt 5 hinzufügen.</translation>
    </message>
    <message>
        <source>Use as KPI</source>
        <translation>Als KPI nutzen</translation>
    </message>
    <message>
        <source>Measure an objective&apos;s KPI with these settings (step 1, step 8 and the PDF).</source>
        <translation>Die Kennzahl eines Ziels mit diesen Einstellungen messen (Schritt 1, Schritt 8 und das PDF).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save table as CSV…</source>
        <translation>Tabelle als CSV speichern…</translation>
    </message>
    <message>
        <source>Save table as Excel…</source>
        <translation>Tabelle als Excel speichern…</translation>
    </message>
    <message>
        <source>Choose data…</source>
        <translation>Daten wählen…</translation>
    </message>
    <message>
        <source>Which imported sources the analyses, KPIs and report use; several of a kind are combined.</source>
        <translation>Welche importierten Quellen Analysen, Kennzahlen und Bericht verwenden; mehrere einer Art werden zusammengeführt.</translation>
    </message>
    <message>
        <source>Data: {sources}</source>
        <translation>Daten: {sources}</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Daten werden geladen…</translation>
    </message>
    <message>
        <source>Reading the data</source>
        <translation>Daten werden gelesen</translation>
    </message>
    <message>
        <source>Computing {analysis}</source>
        <translation>{analysis} wird berechnet</translation>
    </message>
    <message>
        <source>Refresh asks again</source>
        <translation>Aktualisieren fragt erneut</translation>
    </message>
    <message>
        <source>Cancelled. Change a setting or pick an analysis to compute again.</source>
        <translation>Abgebrochen. Ändern Sie eine Einstellung oder wählen Sie eine Analyse, um erneut zu berechnen.</translation>
    </message>
    <message>
        <source>{count} user</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} event</source>
        <translation>{count} Ereignis</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} Ereignisse</translation>
    </message>
    <message>
        <source>Cohort “{cohort}”: {numbers}</source>
        <translation>Kohorte „{cohort}“: {numbers}</translation>
    </message>
    <message>
        <source>no users</source>
        <translation>keine Nutzer</translation>
    </message>
    <message>
        <source>Add an objective in step 1 first</source>
        <translation>Zuerst in Schritt 1 ein Ziel anlegen</translation>
    </message>
    <message>
        <source>Retention on which day after the start (day 0 is the start itself)?</source>
        <translation>Retention an welchem Tag nach dem Start (Tag 0 ist der Start selbst)?</translation>
    </message>
    <message>
        <source>Retention in which week after the start (week 0 is the start itself)?</source>
        <translation>Retention in welcher Woche nach dem Start (Woche 0 ist der Start selbst)?</translation>
    </message>
    <message>
        <source>Retention in which month after the start (month 0 is the start itself)?</source>
        <translation>Retention in welchem Monat nach dem Start (Monat 0 ist der Start selbst)?</translation>
    </message>
    <message>
        <source>Measure the KPI by {metric}</source>
        <translation>Kennzahl mit {metric} messen</translation>
    </message>
    <message>
        <source>“{objective}” is now measured by {metric}. Measure its baseline again in step 1 if it was taken with another KPI.</source>
        <translation>„{objective}“ wird jetzt mit {metric} gemessen. Messen Sie den Ausgangswert in Schritt 1 erneut, falls er mit einer anderen Kennzahl erhoben wurde.</translation>
    </message>
    <message>
        <source>Save analysis “{name}”</source>
        <translation>Analyse „{name}“ speichern</translation>
    </message>
    <message>
        <source>Remove saved analysis</source>
        <translation>Gespeicherte Analyse entfernen</translation>
    </message>
    <message>
        <source>Pin “{title}” as a finding</source>
        <translation>„{title}“ als Erkenntnis festhalten</translation>
    </message>
    <message>
        <source>Pinned “{title}” as a finding: step 5 lists it with the chart and settings.</source>
        <translation>„{title}“ als Erkenntnis festgehalten: Schritt 5 führt sie mit Diagramm und Einstellungen auf.</translation>
    </message>
    <message>
        <source>Pin this row as a finding</source>
        <translation>Diese Zeile als Erkenntnis festhalten</translation>
    </message>
    <message>
        <source>What did users who stopped after step {step} do next?</source>
        <translation>Was taten Nutzer, die nach Schritt {step} aufhörten, danach?</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <source>In this order (others may happen between)</source>
        <translation>In dieser Reihenfolge (andere dürfen dazwischen liegen)</translation>
    </message>
    <message>
        <source>Directly one after another</source>
        <translation>Direkt nacheinander</translation>
    </message>
    <message>
        <source>In any order</source>
        <translation>In beliebiger Reihenfolge</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Show top</source>
        <translation>Top anzeigen</translation>
    </message>
    <message>
        <source>How many rows to show, the largest first</source>
        <translation>Wie viele Zeilen gezeigt werden, die größten zuerst</translation>
    </message>
    <message>
        <source>{metric} per day (metrics export)</source>
        <translation>{metric} pro Tag (Metrik-Export)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>{event} per day</source>
        <translation>{event} pro Tag</translation>
    </message>
    <message>
        <source>The daily number to watch: an event&apos;s count per day, or (none) for daily active users</source>
        <translation>Die tägliche Zahl, die beobachtet wird: wie oft ein Ereignis pro Tag vorkommt, oder (keins) für täglich aktive Nutzer</translation>
    </message>
    <message>
        <source>Daily active users</source>
        <translation>Täglich aktive Nutzer</translation>
    </message>
    <message>
        <source>Their first event&apos;s value</source>
        <translation>Wert ihres ersten Ereignisses</translation>
    </message>
    <message>
        <source>Their last event&apos;s value</source>
        <translation>Wert ihres letzten Ereignisses</translation>
    </message>
    <message>
        <source>Counted under</source>
        <translation>Gezählt unter</translation>
    </message>
    <message>
        <source>Applies to event properties: a user&apos;s value may change</source>
        <translation>Gilt für Ereigniseigenschaften: Der Wert eines Nutzers kann sich ändern</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Zeiträume</translation>
    </message>
    <message>
        <source>How many periods after the first one to follow each cohort</source>
        <translation>Wie viele Zeiträume nach dem ersten jede Kohorte verfolgt wird</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Nutzer</translation>
    </message>
    <message>
        <source>How many distinct users are active per day, week or month.</source>
        <translation>Wie viele verschiedene Nutzer pro Tag, Woche oder Monat aktiv sind.</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Any event per day, week or month: events, users, per user, a property&apos;s sum or average; a formula over two series, the previous period and a rolling mean.</source>
        <translation>Jedes Ereignis pro Tag, Woche oder Monat: Ereignisse, Nutzer, pro Nutzer, Summe oder Mittel einer Eigenschaft; eine Formel aus zwei Reihen, der vorige Zeitraum und ein gleitender Mittelwert.</translation>
    </message>
    <message>
        <source>Stickiness</source>
        <translation>Stickiness</translation>
    </message>
    <message>
        <source>Mean daily actives ÷ monthly actives: how habitual the product is.</source>
        <translation>Mittlere täglich Aktive ÷ monatlich Aktive: wie sehr das Produkt zur Gewohnheit geworden ist.</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Each period&apos;s active users: new, returning or resurrecting, and those who went dormant.</source>
        <translation>Die aktiven Nutzer jedes Zeitraums: neu, wiederkehrend oder zurückgekehrt, und die inaktiv gewordenen.</translation>
    </message>
    <message>
        <source>Days active</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>How many days of each week (or month) users come back: the power-user curve.</source>
        <translation>An wie vielen Tagen jeder Woche (oder jedes Monats) Nutzer wiederkommen: die Power-User-Kurve.</translation>
    </message>
    <message>
        <source>Event counts</source>
        <translation>Ereignishäufigkeiten</translation>
    </message>
    <message>
        <source>How often each event happens and how many users do it.</source>
        <translation>Wie oft jedes Ereignis vorkommt und wie viele Nutzer es auslösen.</translation>
    </message>
    <message>
        <source>Feature adoption</source>
        <translation>Funktionsnutzung</translation>
    </message>
    <message>
        <source>Share of active users who used each feature at least once.</source>
        <translation>Anteil der aktiven Nutzer, die jede Funktion mindestens einmal genutzt haben.</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>How many users get through each step, and where they drop off.</source>
        <translation>Wie viele Nutzer jeden Schritt schaffen und wo sie abspringen.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>The events a user must do, in the order of the journey; at least two</source>
        <translation>Die Ereignisse, die ein Nutzer auslösen muss, in der Reihenfolge der Journey; mindestens zwei</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Innerhalb von</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>ohne Zeitgrenze</translation>
    </message>
    <message>
        <source>Every step must be reached this long after the first</source>
        <translation>Jeder Schritt muss innerhalb dieser Zeit nach dem ersten erreicht werden</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Whether other events may happen between the steps, and whether the order matters</source>
        <translation>Ob andere Ereignisse zwischen den Schritten liegen dürfen und ob die Reihenfolge zählt</translation>
    </message>
    <message>
        <source>Drop out if they do</source>
        <translation>Ausscheiden bei</translation>
    </message>
    <message>
        <source>A user who does this event between two steps leaves the funnel there</source>
        <translation>Wer dieses Ereignis zwischen zwei Schritten auslöst, verlässt den Funnel dort</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Of the users who started in a period, how many come back later.</source>
        <translation>Wie viele der Nutzer, die in einem Zeitraum begonnen haben, später wiederkommen.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Active in exactly that period</source>
        <translation>Genau in diesem Zeitraum aktiv</translation>
    </message>
    <message>
        <source>Active then or later</source>
        <translation>Dann oder später aktiv</translation>
    </message>
    <message>
        <source>Retained in period N: active in exactly that period, or in it or any later one</source>
        <translation>Gehalten in Zeitraum N: genau in diesem Zeitraum aktiv, oder in ihm oder einem späteren</translation>
    </message>
    <message>
        <source>Start event</source>
        <translation>Startereignis</translation>
    </message>
    <message>
        <source>The event that puts a user in a cohort (its first time); (none): their first event</source>
        <translation>Das Ereignis, das einen Nutzer einer Kohorte zuordnet (sein erstes Mal); (keins): sein erstes Ereignis</translation>
    </message>
    <message>
        <source>Return event</source>
        <translation>Rückkehrereignis</translation>
    </message>
    <message>
        <source>The event that counts as coming back; (none): any event</source>
        <translation>Das Ereignis, das als Wiederkommen zählt; (keins): jedes Ereignis</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
    <message>
        <source>What users do next after an event, or what leads up to it.</source>
        <translation>Was Nutzer nach einem Ereignis als Nächstes tun, oder was dazu führt.</translation>
    </message>
    <message>
        <source>The event the paths start from, or lead to</source>
        <translation>Das Ereignis, von dem die Pfade ausgehen oder zu dem sie führen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>What users do after it</source>
        <translation>Was Nutzer danach tun</translation>
    </message>
    <message>
        <source>What leads up to it</source>
        <translation>Was dazu führt</translation>
    </message>
    <message>
        <source>After: the events that follow it. Before: the events that came just before it (what led to contact_support, say)</source>
        <translation>Danach: die Ereignisse, die darauf folgen. Davor: die Ereignisse direkt davor (etwa, was zu contact_support geführt hat)</translation>
    </message>
    <message>
        <source>How many events each path follows (or goes back): 1 shows only the next (or previous)</source>
        <translation>Wie vielen Ereignissen jeder Pfad folgt (oder wie weit er zurückgeht): 1 zeigt nur das nächste (oder vorige)</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>Journey-Map</translation>
    </message>
    <message>
        <source>The most common journeys from a touchpoint (or leading to it) as flows between steps, events grouped into touchpoints by your rules.</source>
        <translation>Die häufigsten Journeys ab einem Touchpoint (oder zu ihm hin) als Flüsse zwischen Schritten; Ereignisse nach Ihren Regeln zu Touchpoints gruppiert.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Visits: a user&apos;s events with short gaps between them.</source>
        <translation>Besuche: die Ereignisse eines Nutzers mit kurzen Pausen dazwischen.</translation>
    </message>
    <message>
        <source>Sessions per user</source>
        <translation>Sitzungen pro Nutzer</translation>
    </message>
    <message>
        <source>Median length</source>
        <translation>Mediane Dauer</translation>
    </message>
    <message>
        <source>Which number to chart per period</source>
        <translation>Welche Zahl pro Zeitraum gezeichnet wird</translation>
    </message>
    <message>
        <source>Time at each touchpoint</source>
        <translation>Zeit an jedem Touchpoint</translation>
    </message>
    <message>
        <source>How long users stay on each event before their next one in the same session: the median and its spread.</source>
        <translation>Wie lange Nutzer bei jedem Ereignis bleiben, bis zu ihrem nächsten in derselben Sitzung: der Median und seine Streuung.</translation>
    </message>
    <message>
        <source>Usage heat map</source>
        <translation>Nutzungs-Heatmap</translation>
    </message>
    <message>
        <source>When in the week people use the product (weekday × hour, UTC).</source>
        <translation>Wann in der Woche das Produkt genutzt wird (Wochentag × Stunde, UTC).</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Count every event, or each user once per weekday and hour</source>
        <translation>Jedes Ereignis zählen, oder jeden Nutzer einmal pro Wochentag und Stunde</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Compare the adoption of a feature between groups of users.</source>
        <translation>Die Nutzung einer Funktion zwischen Nutzergruppen vergleichen.</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>The event whose adoption is compared between the groups</source>
        <translation>Das Ereignis, dessen Nutzung zwischen den Gruppen verglichen wird</translation>
    </message>
    <message>
        <source>Compare by</source>
        <translation>Vergleichen nach</translation>
    </message>
    <message>
        <source>The customer attribute or event property that forms the groups</source>
        <translation>Das Kundenattribut oder die Ereigniseigenschaft, die die Gruppen bildet</translation>
    </message>
    <message>
        <source>NPS / CSAT</source>
        <translation>NPS / CSAT</translation>
    </message>
    <message>
        <source>Survey score per week or month with its uncertainty and its promoters, passives and detractors, overall or per segment.</source>
        <translation>Umfragewert pro Woche oder Monat mit seiner Unsicherheit und seinen Promotoren, Passiven und Detraktoren, insgesamt oder je Segment.</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>Aufteilen nach</translation>
    </message>
    <message>
        <source>A column of the survey (e.g. plan) or the answering user&apos;s customer attribute</source>
        <translation>Eine Spalte der Umfrage (z. B. Tarif) oder ein Kundenattribut des antwortenden Nutzers</translation>
    </message>
    <message>
        <source>The score itself, or the shares of answers in each band (CSAT: satisfied, neutral, dissatisfied): what moved when the score moved</source>
        <translation>Der Wert selbst, oder die Anteile der Antworten je Gruppe (CSAT: zufrieden, neutral, unzufrieden): was sich bewegt hat, als sich der Wert bewegte</translation>
    </message>
    <message>
        <source>Feedback themes</source>
        <translation>Feedback-Themen</translation>
    </message>
    <message>
        <source>What customers&apos; comments are about, per week or month or per score band, by the keyword themes of step 5.</source>
        <translation>Worum es in den Kommentaren der Kunden geht, pro Woche oder Monat oder je Bewertungsgruppe, nach den Stichwort-Themen aus Schritt 5.</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Each theme&apos;s share of the comments per period, or of promoters&apos;, passives&apos; and detractors&apos; comments (CSAT: satisfied, neutral, dissatisfied)</source>
        <translation>Der Anteil jedes Themas an den Kommentaren pro Zeitraum, oder an den Kommentaren der Promotoren, Passiven und Detraktoren (CSAT: zufrieden, neutral, unzufrieden)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Count per ISO week (Monday to Sunday) or calendar month</source>
        <translation>Pro ISO-Woche (Montag bis Sonntag) oder Kalendermonat zählen</translation>
    </message>
    <message>
        <source>Revenue &amp; CLV</source>
        <translation>Umsatz &amp; CLV</translation>
    </message>
    <message>
        <source>Revenue per active and per paying user, and a simple lifetime value.</source>
        <translation>Umsatz pro aktivem und pro zahlendem Nutzer und ein einfacher Kundenwert (CLV).</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Bruttomarge</translation>
    </message>
    <message>
        <source>Share of revenue left after direct costs (0.8 = 80 %); lifetime value uses it</source>
        <translation>Anteil des Umsatzes, der nach direkten Kosten bleibt (0,8 = 80 %); der Kundenwert verwendet ihn</translation>
    </message>
    <message>
        <source>Metric over time</source>
        <translation>Metrik im Zeitverlauf</translation>
    </message>
    <message>
        <source>An aggregated export&apos;s numbers (a GA4 exploration) per day, week or month.</source>
        <translation>Die Zahlen eines aggregierten Exports (einer GA4-Exploration) pro Tag, Woche oder Monat.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>The number column of the metrics export to chart</source>
        <translation>Die Zahlenspalte des Metrik-Exports, die gezeichnet wird</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Aufschlüsseln nach</translation>
    </message>
    <message>
        <source>Split the metric by one of the export&apos;s other columns, e.g. country or device</source>
        <translation>Die Metrik nach einer der anderen Spalten des Exports aufteilen, z. B. Land oder Gerät</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Days that are unusual for their weekday. On pure noise the defaults flag about one day a year by chance (0.5–0.8 per half year), while a day 40 % down is caught once the series has a few hundred a day.</source>
        <translation>Tage, die für ihren Wochentag ungewöhnlich sind. Bei reinem Rauschen markieren die Voreinstellungen zufällig etwa einen Tag pro Jahr (0,5–0,8 pro Halbjahr), während ein Tag mit 40 % weniger erkannt wird, sobald die Reihe einige Hundert pro Tag hat.</translation>
    </message>
    <message>
        <source>Compare with (weeks)</source>
        <translation>Vergleichen mit (Wochen)</translation>
    </message>
    <message>
        <source>How many weeks of the same weekday make the expected value; fewer follow change faster but cry wolf more often</source>
        <translation>Aus wie vielen Wochen desselben Wochentags der erwartete Wert gebildet wird; weniger folgen Änderungen schneller, schlagen aber öfter falschen Alarm</translation>
    </message>
    <message>
        <source>Sensitivity (robust z)</source>
        <translation>Empfindlichkeit (robustes z)</translation>
    </message>
    <message>
        <source>Flag days this many robust standard deviations from expected; at {threshold:g} about one false alarm a year on pure noise, at 3 about twice as many</source>
        <translation>Tage markieren, die so viele robuste Standardabweichungen vom Erwartungswert abweichen; bei {threshold:g} etwa ein Fehlalarm pro Jahr bei reinem Rauschen, bei 3 etwa doppelt so viele</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Conversion per variant of an A/B test, with a significance test.</source>
        <translation>Konversion je Variante eines A/B-Tests, mit Signifikanztest.</translation>
    </message>
    <message>
        <source>Variant attribute</source>
        <translation>Varianten-Attribut</translation>
    </message>
    <message>
        <source>The attribute that says which variant each user saw</source>
        <translation>Das Attribut, das angibt, welche Variante jeder Nutzer gesehen hat</translation>
    </message>
    <message>
        <source>Goal event</source>
        <translation>Zielereignis</translation>
    </message>
    <message>
        <source>A user converts when they do this event at least once in the date range</source>
        <translation>Ein Nutzer konvertiert, wenn er dieses Ereignis im Zeitraum mindestens einmal auslöst</translation>
    </message>
    <message>
        <source>Control variant</source>
        <translation>Kontrollvariante</translation>
    </message>
    <message>
        <source>The group the others are compared with</source>
        <translation>Die Gruppe, mit der die anderen verglichen werden</translation>
    </message>
    <message>
        <source>Plan an experiment</source>
        <translation>Experiment planen</translation>
    </message>
    <message>
        <source>How many users, and weeks of new users, an A/B test needs to detect a change in a conversion.</source>
        <translation>Wie viele Nutzer und wie viele Wochen neuer Nutzer ein A/B-Test braucht, um eine Änderung einer Konversion zu erkennen.</translation>
    </message>
    <message>
        <source>The conversion the test should move; its rate among active users is the baseline</source>
        <translation>Die Konversion, die der Test bewegen soll; ihre Rate unter den aktiven Nutzern ist der Ausgangswert</translation>
    </message>
    <message>
        <source>Smallest change worth finding</source>
        <translation>Kleinste relevante Änderung</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Relative to the baseline: 10 % means 12 % conversion becoming 13.2 %</source>
        <translation>Relativ zum Ausgangswert: 10 % heißt, aus 12 % Konversion werden 13,2 %</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>How many groups, control included; each needs as many users</source>
        <translation>Wie viele Gruppen, die Kontrollgruppe eingeschlossen; jede braucht gleich viele Nutzer</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Teststärke</translation>
    </message>
    <message>
        <source>How often the test finds a real change of that size (80 % is usual)</source>
        <translation>Wie oft der Test eine echte Änderung dieser Größe findet (80 % sind üblich)</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>Signifikanzniveau</translation>
    </message>
    <message>
        <source>How often it calls a change where there is none (5 % is usual)</source>
        <translation>Wie oft er eine Änderung meldet, wo keine ist (5 % sind üblich)</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Vorher / nachher</translation>
    </message>
    <message>
        <source>Did a change date move a daily number?</source>
        <translation>Hat ein Änderungsdatum eine tägliche Zahl bewegt?</translation>
    </message>
    <message>
        <source>Change date</source>
        <translation>Änderungsdatum</translation>
    </message>
    <message>
        <source>The day the change went live; it starts the &apos;after&apos; window</source>
        <translation>Der Tag, an dem die Änderung live ging; mit ihm beginnt das Fenster „nachher“</translation>
    </message>
    <message>
        <source>Each side</source>
        <translation>Je Seite</translation>
    </message>
    <message>
        <source>as many as both sides have</source>
        <translation>so viele, wie beide Seiten haben</translation>
    </message>
    <message>
        <source>How many days before the change are compared with as many days from it on</source>
        <translation>Wie viele Tage vor der Änderung mit ebenso vielen Tagen ab ihr verglichen werden</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain Points</translation>
    </message>
    <message>
        <source>Where the journey hurts: errors, support contacts, repeats, drop-off and detractors per step and segment, ranked together, with what those users said.</source>
        <translation>Wo die Journey schmerzt: Fehler, Support-Kontakte, Wiederholungen, Abbrüche und Detraktoren je Schritt und Segment, gemeinsam gereiht, mit dem, was diese Nutzer gesagt haben.</translation>
    </message>
    <message>
        <source>Missing parameter {name}.</source>
        <translation>Parameter {name} fehlt.</translation>
    </message>
    <message>
        <source>There is no data for these settings (no events in the date range?).</source>
        <translation>Für diese Einstellungen gibt es keine Daten (keine Ereignisse im Zeitraum?).</translation>
    </message>
    <message>
        <source>{title} · cohort “{cohort}”</source>
        <translation>{title} · Kohorte „{cohort}“</translation>
    </message>
    <message>
        <source>No users in cohort “{cohort}”: nobody in the data matches its conditions.</source>
        <translation>Keine Nutzer in Kohorte „{cohort}“: Niemand in den Daten erfüllt ihre Bedingungen.</translation>
    </message>
    <message>
        <source>{count:,} listed user of cohort “{cohort}” is no longer in the data.</source>
        <translation>{count:,} gelisteter Nutzer der Kohorte „{cohort}“ ist nicht mehr in den Daten.</translation>
    </message>
    <message>
        <source>{count:,} listed users of cohort “{cohort}” are no longer in the data.</source>
        <translation>{count:,} gelistete Nutzer der Kohorte „{cohort}“ sind nicht mehr in den Daten.</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Im Zeitverlauf</translation>
    </message>
    <message>
        <source>By score (promoters, passives, detractors)</source>
        <translation>Nach Bewertung (Promotoren, Passive, Detraktoren)</translation>
    </message>
    <message>
        <source>Import a feedback (survey) export in step 2 to see its themes.</source>
        <translation>Importieren Sie in Schritt 2 einen Feedback-Export (Umfrage), um seine Themen zu sehen.</translation>
    </message>
    <message>
        <source>The survey has no comments: map its comment column in step 2 (usagelens analyze: --comment) to see its themes.</source>
        <translation>Die Umfrage hat keine Kommentare: Ordnen Sie in Schritt 2 ihre Kommentarspalte zu (usagelens analyze: --comment), um ihre Themen zu sehen.</translation>
    </message>
    <message>
        <source>No comment has a theme&apos;s keywords and a time or score.</source>
        <translation>Kein Kommentar enthält die Schlüsselwörter eines Themas und eine Zeit oder Bewertung.</translation>
    </message>
    <message>
        <source>{count:,} comments; a comment can mention several themes, so shares can add up to more than 100 %. Themes are the keyword rules of step 5.</source>
        <translation>{count:,} Kommentare; ein Kommentar kann mehrere Themen nennen, daher können die Anteile zusammen über 100 % liegen. Die Themen sind die Schlüsselwortregeln aus Schritt 5.</translation>
    </message>
    <message>
        <source>Share of comments per theme, per day</source>
        <translation>Anteil der Kommentare je Thema, pro Tag</translation>
    </message>
    <message>
        <source>Share of comments per theme, per week</source>
        <translation>Anteil der Kommentare je Thema, pro Woche</translation>
    </message>
    <message>
        <source>Share of comments per theme, per month</source>
        <translation>Anteil der Kommentare je Thema, pro Monat</translation>
    </message>
    <message>
        <source>Share of the period&apos;s comments</source>
        <translation>Anteil an den Kommentaren des Zeitraums</translation>
    </message>
    <message>
        <source>Share of each group&apos;s comments per theme</source>
        <translation>Anteil der Kommentare jeder Gruppe je Thema</translation>
    </message>
    <message>
        <source>Share of comments</source>
        <translation>Anteil der Kommentare</translation>
    </message>
    <message>
        <source>Only between step</source>
        <translation>Nur nach Schritt</translation>
    </message>
    <message>
        <source>any two steps</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>Between which steps the exclusion counts: 1 means only between steps 1 and 2 (a &apos;back&apos; while browsing, say); any two steps: wherever it happens in the funnel</source>
        <translation>Zwischen welchen Schritten der Ausschluss zählt: 1 heißt nur zwischen Schritt 1 und 2 (etwa ein „Zurück“ beim Stöbern); überall: wo immer es im Funnel passiert</translation>
    </message>
    <message>
        <source>1–7 days</source>
        <translation>1–7 Tage</translation>
    </message>
    <message>
        <source>7 days or more</source>
        <translation>7 Tage oder mehr</translation>
    </message>
    <message>
        <source>Conversion to {event} by day of entering: {terms}</source>
        <translation>Konversion zu {event} nach Einstiegstag: {terms}</translation>
    </message>
    <message>
        <source>Conversion to {event} by week of entering: {terms}</source>
        <translation>Konversion zu {event} nach Einstiegswoche: {terms}</translation>
    </message>
    <message>
        <source>Conversion to {event} by month of entering: {terms}</source>
        <translation>Konversion zu {event} nach Einstiegsmonat: {terms}</translation>
    </message>
    <message>
        <source>Reached {event}</source>
        <translation>{event} erreicht</translation>
    </message>
    <message>
        <source>Share who converted</source>
        <translation>Anteil konvertiert</translation>
    </message>
    <message>
        <source>With no time limit, users who entered recently have had less time to convert: the day of {start} is drawn hollow.</source>
        <translation>Ohne Zeitgrenze hatten kürzlich eingestiegene Nutzer weniger Zeit zu konvertieren: Der Tag {start} ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>With no time limit, users who entered recently have had less time to convert: the week of {start} is drawn hollow.</source>
        <translation>Ohne Zeitgrenze hatten kürzlich eingestiegene Nutzer weniger Zeit zu konvertieren: Die Woche vom {start} ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>With no time limit, users who entered recently have had less time to convert: the month of {start} is drawn hollow.</source>
        <translation>Ohne Zeitgrenze hatten kürzlich eingestiegene Nutzer weniger Zeit zu konvertieren: Der Monat ab {start} ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>Users who entered from the day of {start} on had less than the {window}-day window before the data ends ({end}): their conversion may still rise.</source>
        <translation>Nutzer, die ab dem Tag {start} eingestiegen sind, hatten vor dem Datenende ({end}) weniger als das {window}-Tage-Fenster: Ihre Konversion kann noch steigen.</translation>
    </message>
    <message>
        <source>Users who entered from the week of {start} on had less than the {window}-day window before the data ends ({end}): their conversion may still rise.</source>
        <translation>Nutzer, die ab der Woche vom {start} eingestiegen sind, hatten vor dem Datenende ({end}) weniger als das {window}-Tage-Fenster: Ihre Konversion kann noch steigen.</translation>
    </message>
    <message>
        <source>Users who entered from the month of {start} on had less than the {window}-day window before the data ends ({end}): their conversion may still rise.</source>
        <translation>Nutzer, die ab dem Monat ab {start} eingestiegen sind, hatten vor dem Datenende ({end}) weniger als das {window}-Tage-Fenster: Ihre Konversion kann noch steigen.</translation>
    </message>
    <message>
        <source>Time from {event} to each step: {terms}</source>
        <translation>Zeit von {event} bis zu jedem Schritt: {terms}</translation>
    </message>
    <message>
        <source>Share of the step&apos;s users</source>
        <translation>Anteil der Nutzer des Schritts</translation>
    </message>
    <message>
        <source>Time since step 1</source>
        <translation>Zeit seit Schritt 1</translation>
    </message>
    <message>
        <source>Nobody reached step 2 ({event}) in this date range.</source>
        <translation>Niemand hat in diesem Zeitraum Schritt 2 ({event}) erreicht.</translation>
    </message>
    <message>
        <source>Of the {count:,} user who reached {event} (step {step}), half took {p50} or less from {first}, three in four {p75}, nine in ten {p90}.</source>
        <translation>Von dem {count:,} Nutzer, der {event} (Schritt {step}) erreicht hat, brauchte die Hälfte {p50} oder weniger ab {first}, drei von vier {p75}, neun von zehn {p90}.</translation>
    </message>
    <message>
        <source>Of the {count:,} users who reached {event} (step {step}), half took {p50} or less from {first}, three in four {p75}, nine in ten {p90}.</source>
        <translation>Von den {count:,} Nutzern, die {event} (Schritt {step}) erreicht haben, brauchte die Hälfte {p50} oder weniger ab {first}, drei von vier {p75}, neun von zehn {p90}.</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day: times are whole days.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit: Die Zeiten sind ganze Tage.</translation>
    </message>
    <message>
        <source>What users did next after {event} (step {step}) instead of {next}: {terms}</source>
        <translation>Was Nutzer nach {event} (Schritt {step}) statt {next} als Nächstes taten: {terms}</translation>
    </message>
    <message>
        <source>Share of those who dropped</source>
        <translation>Anteil der Ausgestiegenen</translation>
    </message>
    <message>
        <source>Nobody dropped out between step {step} ({event}) and step {next_step} ({next}) in this date range.</source>
        <translation>Niemand ist in diesem Zeitraum zwischen Schritt {step} ({event}) und Schritt {next_step} ({next}) ausgestiegen.</translation>
    </message>
    <message>
        <source>{count:,} user reached {event} but not {next}. Their next moment after the step counts; events done at that same moment each count, so shares can add up past 100 %.</source>
        <translation>{count:,} Nutzer hat {event} erreicht, aber nicht {next}. Es zählt sein nächster Moment nach dem Schritt; Ereignisse im selben Moment zählen jeweils, daher können die Anteile zusammen über 100 % liegen.</translation>
    </message>
    <message>
        <source>{count:,} users reached {event} but not {next}. Their next moment after the step counts; events done at that same moment each count, so shares can add up past 100 %.</source>
        <translation>{count:,} Nutzer haben {event} erreicht, aber nicht {next}. Es zählt ihr nächster Moment nach dem Schritt; Ereignisse im selben Moment zählen jeweils, daher können die Anteile zusammen über 100 % liegen.</translation>
    </message>
    <message>
        <source>How many next events to show, the most common first</source>
        <translation>Wie viele nächste Ereignisse gezeigt werden, die häufigsten zuerst</translation>
    </message>
    <message>
        <source>Dropped after step</source>
        <translation>Abgesprungen nach Schritt</translation>
    </message>
    <message>
        <source>The users who reached this step but not the next one</source>
        <translation>Die Nutzer, die diesen Schritt erreicht haben, den nächsten aber nicht</translation>
    </message>
    <message>
        <source>Conversion over time</source>
        <translation>Konversion im Zeitverlauf</translation>
    </message>
    <message>
        <source>Per week of entering, how many users started the funnel and the share who finished it.</source>
        <translation>Pro Einstiegswoche, wie viele Nutzer den Funnel begonnen haben und welcher Anteil ihn abgeschlossen hat.</translation>
    </message>
    <message>
        <source>Time to convert</source>
        <translation>Zeit bis zur Konversion</translation>
    </message>
    <message>
        <source>How long users take from the first step to each next one: the spread, not only the median.</source>
        <translation>Wie lange Nutzer vom ersten Schritt zu jedem weiteren brauchen: die Streuung, nicht nur der Median.</translation>
    </message>
    <message>
        <source>After dropping out</source>
        <translation>Nach dem Absprung</translation>
    </message>
    <message>
        <source>What users who left a funnel at a step did next instead.</source>
        <translation>Was Nutzer, die einen Funnel bei einem Schritt verlassen haben, stattdessen als Nächstes taten.</translation>
    </message>
    <message>
        <source>Flows between steps</source>
        <translation>Flüsse zwischen Schritten</translation>
    </message>
    <message>
        <source>The top journeys</source>
        <translation>Die häufigsten Journeys</translation>
    </message>
    <message>
        <source>Rules that group events into one touchpoint, separated by &apos;;&apos;: name = pattern, where the pattern is a wildcard (Checkout = checkout_*) or re: and a regular expression (Help = re:^help_). The first rule that matches names an event&apos;s touchpoint; repeats of one touchpoint in a row count as one visit</source>
        <translation>Regeln, die Ereignisse zu einem Touchpoint zusammenfassen, getrennt durch &apos;;&apos;: Name = Muster, wobei das Muster ein Platzhalter ist (Checkout = checkout_*) oder re: und ein regulärer Ausdruck (Hilfe = re:^help_). Die erste passende Regel benennt den Touchpoint eines Ereignisses; mehrere Besuche eines Touchpoints direkt hintereinander zählen als ein Besuch</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>(ended)</source>
        <translation>(beendet)</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>Where the journeys start (or end); with grouping rules, this event&apos;s touchpoint. Each user counts once, at their first visit in the date range</source>
        <translation>Wo die Journeys beginnen (oder enden); mit Gruppierungsregeln der Touchpoint dieses Ereignisses. Jeder Nutzer zählt einmal, bei seinem ersten Besuch im Zeitraum</translation>
    </message>
    <message>
        <source>Journeys starting here</source>
        <translation>Journeys, die hier beginnen</translation>
    </message>
    <message>
        <source>Journeys leading here</source>
        <translation>Journeys, die hierher führen</translation>
    </message>
    <message>
        <source>After: where users went from their first visit. Before: how they got to it</source>
        <translation>Danach: wohin Nutzer von ihrem ersten Besuch aus gingen. Davor: wie sie dorthin kamen</translation>
    </message>
    <message>
        <source>How many touchpoints each journey follows (or goes back) from this one</source>
        <translation>Wie vielen Touchpoints jede Journey ab diesem folgt (oder wie weit sie zurückgeht)</translation>
    </message>
    <message>
        <source>Top journeys</source>
        <translation>Häufigste Journeys</translation>
    </message>
    <message>
        <source>How many of the most common journeys to draw; the others are folded into Other</source>
        <translation>Wie viele der häufigsten Journeys gezeichnet werden; die übrigen werden unter „Andere“ zusammengefasst</translation>
    </message>
    <message>
        <source>Group events</source>
        <translation>Ereignisse gruppieren</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>The table under the map: the users flowing between each two steps, or the top journeys</source>
        <translation>Die Tabelle unter der Karte: die Nutzer, die zwischen je zwei Schritten fließen, oder die häufigsten Journeys</translation>
    </message>
    <message>
        <source>Nobody reached {event} in this date range.</source>
        <translation>Niemand hat in diesem Zeitraum {event} erreicht.</translation>
    </message>
    <message>
        <source>{count} before</source>
        <translation>{count} davor</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>Schritt {number}</translation>
    </message>
    <message>
        <source>{count:,} journey</source>
        <translation>{count:,} Journey</translation>
    </message>
    <message>
        <source>{count:,} journeys</source>
        <translation>{count:,} Journeys</translation>
    </message>
    <message>
        <source>{count:,} user</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>{count:,} users</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>Journeys leading to {event}: the top {journeys} of {users}</source>
        <translation>Journeys, die zu {event} führen: die häufigsten {journeys}; {users} insgesamt</translation>
    </message>
    <message>
        <source>Journeys from {event}: the top {journeys} of {users}</source>
        <translation>Journeys ab {event}: die häufigsten {journeys}; {users} insgesamt</translation>
    </message>
    <message>
        <source>choose the touchpoint the journeys start at, or lead to</source>
        <translation>wählen Sie den Touchpoint, an dem die Journeys beginnen oder zu dem sie führen</translation>
    </message>
    <message>
        <source>No event matches the grouping rules {rules}.</source>
        <translation>Kein Ereignis passt zu den Gruppierungsregeln {rules}.</translation>
    </message>
    <message>
        <source>No event matches the grouping rule {rules}.</source>
        <translation>Kein Ereignis passt zur Gruppierungsregel {rules}.</translation>
    </message>
    <message>
        <source>{metric} per day</source>
        <translation>{metric} pro Tag</translation>
    </message>
    <message>
        <source>Import a metrics export (date × counts, e.g. a GA4 exploration) in step 2 to measure it.</source>
        <translation>Importieren Sie in Schritt 2 einen Metrik-Export (Datum × Zahlen, z. B. eine GA4-Exploration), um ihn zu messen.</translation>
    </message>
    <message>
        <source>Choose an attribute to compare segments by.</source>
        <translation>Wählen Sie ein Attribut, nach dem die Segmente verglichen werden.</translation>
    </message>
    <message>
        <source>Adoption of {event} by {by}{note}</source>
        <translation>Nutzung von {event} nach {by}{note}</translation>
    </message>
    <message>
        <source>The score</source>
        <translation>Der Wert</translation>
    </message>
    <message>
        <source>Promoters, passives, detractors</source>
        <translation>Promotoren, Passive, Detraktoren</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>Promotoren</translation>
    </message>
    <message>
        <source>promoters</source>
        <translation>Promotoren</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>Passive</translation>
    </message>
    <message>
        <source>passives</source>
        <translation>Passive</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>Detraktoren</translation>
    </message>
    <message>
        <source>detractors</source>
        <translation>Detraktoren</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Zufriedene</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>Zufriedene</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutrale</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>Neutrale</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Unzufriedene</translation>
    </message>
    <message>
        <source>dissatisfied</source>
        <translation>Unzufriedene</translation>
    </message>
    <message>
        <source>Satisfied, neutral, dissatisfied</source>
        <translation>Zufriedene, Neutrale, Unzufriedene</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>Import a feedback (survey) export in step 2 to see NPS or CSAT.</source>
        <translation>Importieren Sie in Schritt 2 einen Feedback-Export (Umfrage), um NPS oder CSAT zu sehen.</translation>
    </message>
    <message>
        <source>The survey has no answers with a score and a time.</source>
        <translation>Die Umfrage hat keine Antworten mit Bewertung und Zeit.</translation>
    </message>
    <message>
        <source>{count:,} answer</source>
        <translation>{count:,} Antwort</translation>
    </message>
    <message>
        <source>{count:,} answers</source>
        <translation>{count:,} Antworten</translation>
    </message>
    <message>
        <source>Overall {score_name} {score} from {answers} ({bands}).</source>
        <translation>{score_name} insgesamt {score} aus {answers} ({bands}).</translation>
    </message>
    <message>
        <source>Neither the survey nor (through its user ids) the customers table has {column}: choose another column to split by.</source>
        <translation>Weder die Umfrage noch (über ihre Nutzer-IDs) die Kundentabelle hat {column}: Wählen Sie eine andere Spalte zum Aufteilen.</translation>
    </message>
    <message>
        <source>Share of answers</source>
        <translation>Anteil der Antworten</translation>
    </message>
    <message>
        <source>Share of {band}</source>
        <translation>Anteil {band}</translation>
    </message>
    <message>
        <source>{measure} {per} (95% interval)</source>
        <translation>{measure} {per} (95-%-Intervall)</translation>
    </message>
    <message>
        <source>Import a revenue export in step 2 to see ARPU and CLV.</source>
        <translation>Importieren Sie in Schritt 2 einen Umsatz-Export, um ARPU und CLV zu sehen.</translation>
    </message>
    <message>
        <source>Each has its own rows and lines; enter exchange rates (button above the chart) to see one total.</source>
        <translation>Jede hat eigene Zeilen und Linien; geben Sie Wechselkurse ein (Schaltfläche über dem Diagramm), um eine Summe zu sehen.</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>keine Währung</translation>
    </message>
    <message>
        <source>Revenue per active user by {by}</source>
        <translation>Umsatz pro aktivem Nutzer nach {by}</translation>
    </message>
    <message>
        <source>Revenue per user</source>
        <translation>Umsatz pro Nutzer</translation>
    </message>
    <message>
        <source>ARPU (per active user)</source>
        <translation>ARPU (pro aktivem Nutzer)</translation>
    </message>
    <message>
        <source>ARPPU (per paying user)</source>
        <translation>ARPPU (pro zahlendem Nutzer)</translation>
    </message>
    <message>
        <source>{measure} in {currency}</source>
        <translation>{measure} in {currency}</translation>
    </message>
    <message>
        <source>In each line&apos;s currency</source>
        <translation>In der Währung jeder Linie</translation>
    </message>
    <message>
        <source>Revenue per active user, each currency on its own (never added up)</source>
        <translation>Umsatz pro aktivem Nutzer, jede Währung für sich (nie addiert)</translation>
    </message>
    <message>
        <source>Revenue per paying user, each currency on its own (never added up)</source>
        <translation>Umsatz pro zahlendem Nutzer, jede Währung für sich (nie addiert)</translation>
    </message>
    <message>
        <source>No CLV: {reason}.</source>
        <translation>Kein CLV: {reason}.</translation>
    </message>
    <message>
        <source>Simple CLV ≈ {clv} = ARPU {arpu}/month × margin {margin:.0%} ÷ monthly churn {churn:.1%}.</source>
        <translation>Einfacher CLV ≈ {clv} = ARPU {arpu}/Monat × Marge {margin:.0%} ÷ monatliche Abwanderung {churn:.1%}.</translation>
    </message>
    <message>
        <source>Simple CLV per currency (the part of a user&apos;s lifetime value paid in it): {each}; each = ARPU × margin {margin:.0%} ÷ monthly churn {churn:.1%}.</source>
        <translation>Einfacher CLV je Währung (der in ihr gezahlte Teil des Kundenwerts): {each}; jeweils = ARPU × Marge {margin:.0%} ÷ monatliche Abwanderung {churn:.1%}.</translation>
    </message>
    <message>
        <source>Expected (same weekday)</source>
        <translation>Erwartet (gleicher Wochentag)</translation>
    </message>
    <message>
        <source>Anomalies ({count:,})</source>
        <translation>Anomalien ({count:,})</translation>
    </message>
    <message>
        <source>{count:,} unusual day (robust z beyond ±{threshold:g}).</source>
        <translation>{count:,} ungewöhnlicher Tag (robuster z-Wert über ±{threshold:g}).</translation>
    </message>
    <message>
        <source>{count:,} unusual days (robust z beyond ±{threshold:g}).</source>
        <translation>{count:,} ungewöhnliche Tage (robuster z-Wert über ±{threshold:g}).</translation>
    </message>
    <message>
        <source>No unusual days at this threshold.</source>
        <translation>Keine ungewöhnlichen Tage bei dieser Schwelle.</translation>
    </message>
    <message>
        <source>Choose the attribute that holds each user&apos;s variant.</source>
        <translation>Wählen Sie das Attribut, das die Variante jedes Nutzers enthält.</translation>
    </message>
    <message>
        <source>Conversion to {event} by {by}{note}</source>
        <translation>Konversion zu {event} nach {by}{note}</translation>
    </message>
    <message>
        <source>each user&apos;s first event in the range</source>
        <translation>dem ersten Ereignis jedes Nutzers im Zeitraum</translation>
    </message>
    <message>
        <source>Too few users for a significance test in: {variants} (a test needs {users}+ users and {conversions}+ conversions per variant); treat the differences as anecdotes.</source>
        <translation>Zu wenige Nutzer für einen Signifikanztest in: {variants} (ein Test braucht {users}+ Nutzer und {conversions}+ Konversionen je Variante); betrachten Sie die Unterschiede als Anekdoten.</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>signifikant</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>nicht signifikant</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>, adjusted for {count:,} comparisons (Holm)</source>
        <translation>, bereinigt für {count:,} Vergleiche (Holm)</translation>
    </message>
    <message>
        <source>{variant} vs {control}: lift {lift}, {p}{adjusted} ({verdict} at 5%).</source>
        <translation>{variant} gegen {control}: Lift {lift}, {p}{adjusted} ({verdict} bei 5 %).</translation>
    </message>
    <message>
        <source>Sample ratio mismatch: the variants&apos; sizes ({sizes}) are further from an even split than chance allows ({p}). Check how users were assigned and tracked before trusting this comparison.</source>
        <translation>Stichprobenverhältnis passt nicht: Die Größen der Varianten ({sizes}) weichen stärker von einer gleichmäßigen Aufteilung ab, als der Zufall erlaubt ({p}). Prüfen Sie, wie Nutzer zugeteilt und erfasst wurden, bevor Sie diesem Vergleich trauen.</translation>
    </message>
    <message>
        <source>Nobody did {event} in this range, so there is no conversion rate to move: choose another goal event or range.</source>
        <translation>Niemand hat in diesem Zeitraum {event} ausgeführt, daher gibt es keine Konversionsrate zu bewegen: Wählen Sie ein anderes Zielereignis oder einen anderen Zeitraum.</translation>
    </message>
    <message>
        <source>Every active user did {event} in this range, so there is no conversion rate to move: choose another goal event or range.</source>
        <translation>Jeder aktive Nutzer hat in diesem Zeitraum {event} ausgeführt, daher gibt es keine Konversionsrate zu bewegen: Wählen Sie ein anderes Zielereignis oder einen anderen Zeitraum.</translation>
    </message>
    <message>
        <source>Users needed to detect a change in {event} ({rate:.1%} today)</source>
        <translation>Benötigte Nutzer, um eine Änderung bei {event} zu erkennen (heute {rate:.1%})</translation>
    </message>
    <message>
        <source>Users needed</source>
        <translation>Benötigte Nutzer</translation>
    </message>
    <message>
        <source>Users (all variants)</source>
        <translation>Nutzer (alle Varianten)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>, about {weeks:.1f} weeks of new users at {new:,.0f} a week</source>
        <translation>, etwa {weeks:.1f} Wochen neuer Nutzer bei {new:,.0f} pro Woche</translation>
    </message>
    <message>
        <source>; the {alpha:g} % level is split over {count:,} comparisons</source>
        <translation>; das Niveau von {alpha:g} % wird auf {count:,} Vergleiche aufgeteilt</translation>
    </message>
    <message>
        <source>{rate:.1%} of active users did {event}. A {effect:+.0%} change (to {target:.1%}) needs {per_variant:,} users per variant, {users:,} in all{weeks} ({power} % power, two-sided{split}).</source>
        <translation>{rate:.1%} der aktiven Nutzer haben {event} ausgeführt. Eine Änderung um {effect:+.0%} (auf {target:.1%}) braucht {per_variant:,} Nutzer je Variante, {users:,} insgesamt{weeks} ({power} % Teststärke, zweiseitig{split}).</translation>
    </message>
    <message>
        <source>A change of {effect:g} % would take {event} past 100 %.</source>
        <translation>Eine Änderung um {effect:g} % würde {event} über 100 % bringen.</translation>
    </message>
    <message>
        <source>{measure} around {day}</source>
        <translation>{measure} um den {day}</translation>
    </message>
    <message>
        <source>a real change</source>
        <translation>eine echte Änderung</translation>
    </message>
    <message>
        <source>within normal variation</source>
        <translation>im Rahmen der normalen Schwankung</translation>
    </message>
    <message>
        <source>{count:,} day each side: mean {before:,.1f} → {after:,.1f} ({change}{p}: {verdict}).</source>
        <translation>{count:,} Tag je Seite: Mittelwert {before:,.1f} → {after:,.1f} ({change}{p}: {verdict}).</translation>
    </message>
    <message>
        <source>{count:,} days each side: mean {before:,.1f} → {after:,.1f} ({change}{p}: {verdict}).</source>
        <translation>{count:,} Tage je Seite: Mittelwert {before:,.1f} → {after:,.1f} ({change}{p}: {verdict}).</translation>
    </message>
    <message>
        <source>Pain score = the mean of the row&apos;s percentile ranks among the rows on error rate, support-contact rate, repeats, drop-off and detractor share (those it has), 0–100: 100 is the worst row on each.</source>
        <translation>Pain Score = Mittelwert der Perzentilränge der Zeile unter den Zeilen bei Fehlerquote, Support-Kontaktquote, Wiederholungen, Abbruch und Detraktorenanteil (soweit vorhanden), 0–100: 100 ist jeweils die schlechteste Zeile.</translation>
    </message>
    <message>
        <source>The journey steps to look at, in order (a funnel&apos;s steps, for the drop-off)</source>
        <translation>Die betrachteten Schritte der Journey, der Reihe nach (die Schritte eines Funnels, für die Abbrüche)</translation>
    </message>
    <message>
        <source>Per segment of</source>
        <translation>Je Segment von</translation>
    </message>
    <message>
        <source>Split each step by a customer attribute or event property, e.g. platform or plan</source>
        <translation>Jeden Schritt nach einem Kundenattribut oder einer Ereigniseigenschaft aufteilen, z. B. Plattform oder Tarif</translation>
    </message>
    <message>
        <source>Error events</source>
        <translation>Fehlerereignisse</translation>
    </message>
    <message>
        <source>Events whose name contains one of these words (comma-separated) count as errors</source>
        <translation>Ereignisse, deren Name eines dieser Wörter enthält (durch Kommas getrennt), zählen als Fehler</translation>
    </message>
    <message>
        <source>Support events</source>
        <translation>Support-Ereignisse</translation>
    </message>
    <message>
        <source>Events whose name contains one of these words count as support contacts</source>
        <translation>Ereignisse, deren Name eines dieser Wörter enthält, zählen als Support-Kontakte</translation>
    </message>
    <message>
        <source>Repeat within</source>
        <translation>Wiederholung binnen</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>The same step again this soon counts as a repeat (a rage-click)</source>
        <translation>Derselbe Schritt so bald noch einmal zählt als Wiederholung (ein Rage-Click)</translation>
    </message>
    <message>
        <source>Funnel within</source>
        <translation>Funnel binnen</translation>
    </message>
    <message>
        <source>For the drop-off: every step must be reached this long after the first</source>
        <translation>Für die Abbrüche: Jeder Schritt muss innerhalb dieser Zeit nach dem ersten erreicht werden</translation>
    </message>
    <message>
        <source>Rows with at least</source>
        <translation>Zeilen mit mindestens</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzern</translation>
    </message>
    <message>
        <source>A step and segment with fewer users is left out, so a handful of users cannot top the table</source>
        <translation>Ein Schritt und Segment mit weniger Nutzern wird weggelassen, damit eine Handvoll Nutzer nicht die Tabelle anführt</translation>
    </message>
    <message>
        <source>Choose the journey steps to look at.</source>
        <translation>Wählen Sie die Journey-Schritte, die betrachtet werden sollen.</translation>
    </message>
    <message>
        <source>errors after {rate:.1%} of the times it was done</source>
        <translation>Fehler nach {rate:.1%} der Ausführungen</translation>
    </message>
    <message>
        <source>support contacts after {rate:.1%}</source>
        <translation>Support-Kontakte nach {rate:.1%}</translation>
    </message>
    <message>
        <source>repeated within seconds {rate:.1%}</source>
        <translation>innerhalb von Sekunden wiederholt {rate:.1%}</translation>
    </message>
    <message>
        <source>{rate:.0%} went no further in the funnel</source>
        <translation>{rate:.0%} kamen im Funnel nicht weiter</translation>
    </message>
    <message>
        <source>{share:.0%} of {count:,} survey answer from detractors</source>
        <translation>{share:.0%} von {count:,} Umfrageantwort von Detraktoren</translation>
    </message>
    <message>
        <source>{share:.0%} of {count:,} survey answers from detractors</source>
        <translation>{share:.0%} von {count:,} Umfrageantworten von Detraktoren</translation>
    </message>
    <message>
        <source>; their feedback&apos;s top theme: {theme}</source>
        <translation>; häufigstes Thema ihres Feedbacks: {theme}</translation>
    </message>
    <message>
        <source>{segment} users</source>
        <translation>{segment}-Nutzer</translation>
    </message>
    <message>
        <source>{step} for {who} ({users}, {involved:,} involved; pain score {score:.0f}): {signals}{theme}.</source>
        <translation>{step} für {who} ({users}, {involved:,} betroffen; Pain Score {score:.0f}): {signals}{theme}.</translation>
    </message>
    <message>
        <source>Pain score per step and segment</source>
        <translation>Pain Score je Schritt und Segment</translation>
    </message>
    <message>
        <source>Pain score per step</source>
        <translation>Pain Score je Schritt</translation>
    </message>
    <message>
        <source>Pain score</source>
        <translation>Pain Score</translation>
    </message>
    <message>
        <source>Pain score (0–100)</source>
        <translation>Pain Score (0–100)</translation>
    </message>
    <message>
        <source>No step has {count:,} users or more in a segment: choose other steps, a wider range, no segment or fewer users per row.</source>
        <translation>Kein Schritt hat {count:,} oder mehr Nutzer in einem Segment: Wählen Sie andere Schritte, einen längeren Zeitraum, kein Segment oder weniger Nutzer pro Zeile.</translation>
    </message>
    <message>
        <source>Errors: {errors}; support: {support}.</source>
        <translation>Fehler: {errors}; Support: {support}.</translation>
    </message>
    <message>
        <source>no event matches the error words</source>
        <translation>kein Ereignis passt zu den Fehlerwörtern</translation>
    </message>
    <message>
        <source>no event matches the support words</source>
        <translation>kein Ereignis passt zu den Support-Wörtern</translation>
    </message>
    <message>
        <source>Most painful: {row}</source>
        <translation>Am schmerzhaftesten: {row}</translation>
    </message>
    <message>
        <source>No survey answers with a user id: the detractor share, themes and quotes are left empty.</source>
        <translation>Keine Umfrageantworten mit Nutzer-ID: Detraktorenanteil, Themen und Zitate bleiben leer.</translation>
    </message>
    <message>
        <source>{count:,} row with fewer than {least:,} users left out.</source>
        <translation>{count:,} Zeile mit weniger als {least:,} Nutzern ausgelassen.</translation>
    </message>
    <message>
        <source>{count:,} rows with fewer than {least:,} users left out.</source>
        <translation>{count:,} Zeilen mit weniger als {least:,} Nutzern ausgelassen.</translation>
    </message>
    <message>
        <source>Import an event log in step 2 to run this analysis.</source>
        <translation>Importieren Sie in Schritt 2 ein Ereignisprotokoll, um diese Analyse auszuführen.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Count per calendar day, ISO week (Monday to Sunday) or calendar month</source>
        <translation>Pro Kalendertag, ISO-Woche (Montag bis Sonntag) oder Kalendermonat zählen</translation>
    </message>
    <message>
        <source>New session after (min)</source>
        <translation>Neue Sitzung nach (min)</translation>
    </message>
    <message>
        <source>A pause longer than this between two events of a user starts a new session</source>
        <translation>Eine längere Pause zwischen zwei Ereignissen eines Nutzers beginnt eine neue Sitzung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>First day of data looked at (whole days, UTC)</source>
        <translation>Erster betrachteter Tag der Daten (ganze Tage, UTC)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Last day of data looked at, included</source>
        <translation>Letzter betrachteter Tag der Daten, einschließlich</translation>
    </message>
    <message>
        <source>Cohort: {name}</source>
        <translation>Kohorte: {name}</translation>
    </message>
    <message>
        <source>Each cohort</source>
        <translation>Jede Kohorte</translation>
    </message>
    <message>
        <source>Split the result by a customer attribute, an event property or a cohort, e.g. plan or country</source>
        <translation>Das Ergebnis nach einem Kundenattribut, einer Ereigniseigenschaft oder einer Kohorte aufteilen, z. B. Tarif oder Land</translation>
    </message>
    <message>
        <source>Only events</source>
        <translation>Nur Ereignisse</translation>
    </message>
    <message>
        <source>Comma-separated event names to show (empty: every event); the time still runs to whatever the user did next</source>
        <translation>Zu zeigende Ereignisnamen, durch Kommas getrennt (leer: alle Ereignisse); die Zeit läuft trotzdem bis zu dem, was der Nutzer als Nächstes tat</translation>
    </message>
    <message>
        <source>How many events to show, the most frequent first</source>
        <translation>Wie viele Ereignisse gezeigt werden, die häufigsten zuerst</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day, so the time between two events cannot be known. Event counts shows what users do most.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit, daher lässt sich die Zeit zwischen zwei Ereignissen nicht bestimmen. Ereignishäufigkeiten zeigt, was Nutzer am meisten tun.</translation>
    </message>
    <message>
        <source>Nothing to time: every event in this range was the last of its session.</source>
        <translation>Nichts zu messen: Jedes Ereignis in diesem Zeitraum war das letzte seiner Sitzung.</translation>
    </message>
    <message>
        <source>Time at each touchpoint: median and middle half (p25–p75) until the next event, sessions ending after a {gap} min pause</source>
        <translation>Zeit an jedem Touchpoint: Median und mittlere Hälfte (p25–p75) bis zum nächsten Ereignis, Sitzungen enden nach {gap} min Pause</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median time before the next event (minutes)</source>
        <translation>Mediane Zeit bis zum nächsten Ereignis (Minuten)</translation>
    </message>
    <message>
        <source>Median time before the next event (seconds)</source>
        <translation>Mediane Zeit bis zum nächsten Ereignis (Sekunden)</translation>
    </message>
    <message>
        <source>Users stay longest at {event}: its {count:,} occurrence was followed by their next event within {median}. A time runs from an event to the same user&apos;s next one in the session (a pause over {gap} min ends it); events at the same instant count as 0 s. {ended:.0%} of these occurrences were the last of their session and have no time (session ends).</source>
        <translation>Nutzer bleiben am längsten bei {event}: Auf sein {count:,} Vorkommen folgte ihr nächstes Ereignis innerhalb von {median}. Eine Zeit läuft von einem Ereignis bis zum nächsten desselben Nutzers in der Sitzung (eine Pause über {gap} min beendet sie); Ereignisse im selben Augenblick zählen als 0 s. {ended:.0%} dieser Vorkommen waren die letzten ihrer Sitzung und haben keine Zeit (Sitzungsenden).</translation>
    </message>
    <message>
        <source>Users stay longest at {event}: half of its {count:,} occurrences were followed by their next event within {median}, three in four within {p75}. A time runs from an event to the same user&apos;s next one in the session (a pause over {gap} min ends it); events at the same instant count as 0 s. {ended:.0%} of these occurrences were the last of their session and have no time (session ends).</source>
        <translation>Nutzer bleiben am längsten bei {event}: Auf die Hälfte seiner {count:,} Vorkommen folgte ihr nächstes Ereignis innerhalb von {median}, auf drei von vier innerhalb von {p75}. Eine Zeit läuft von einem Ereignis bis zum nächsten desselben Nutzers in der Sitzung (eine Pause über {gap} min beendet sie); Ereignisse im selben Augenblick zählen als 0 s. {ended:.0%} dieser Vorkommen waren die letzten ihrer Sitzung und haben keine Zeit (Sitzungsenden).</translation>
    </message>
    <message>
        <source>Total events</source>
        <translation>Ereignisse insgesamt</translation>
    </message>
    <message>
        <source>Unique users</source>
        <translation>Eindeutige Nutzer</translation>
    </message>
    <message>
        <source>Events per user</source>
        <translation>Ereignisse pro Nutzer</translation>
    </message>
    <message>
        <source>Sum of a property</source>
        <translation>Summe einer Eigenschaft</translation>
    </message>
    <message>
        <source>Average of a property</source>
        <translation>Mittelwert einer Eigenschaft</translation>
    </message>
    <message>
        <source>None: A alone</source>
        <translation>Keine: A allein</translation>
    </message>
    <message>
        <source>A ÷ B</source>
        <translation>A ÷ B</translation>
    </message>
    <message>
        <source>A − B</source>
        <translation>A − B</translation>
    </message>
    <message>
        <source>{count:,} day</source>
        <translation>{count:,} Tag</translation>
    </message>
    <message>
        <source>{count:,} days</source>
        <translation>{count:,} Tage</translation>
    </message>
    <message>
        <source>{count:,} week</source>
        <translation>{count:,} Woche</translation>
    </message>
    <message>
        <source>{count:,} weeks</source>
        <translation>{count:,} Wochen</translation>
    </message>
    <message>
        <source>{count:,} month</source>
        <translation>{count:,} Monat</translation>
    </message>
    <message>
        <source>{count:,} months</source>
        <translation>{count:,} Monate</translation>
    </message>
    <message>
        <source>7-day rolling mean</source>
        <translation>Gleitender 7-Tage-Mittelwert</translation>
    </message>
    <message>
        <source>4-week rolling mean</source>
        <translation>Gleitender 4-Wochen-Mittelwert</translation>
    </message>
    <message>
        <source>3-month rolling mean</source>
        <translation>Gleitender 3-Monats-Mittelwert</translation>
    </message>
    <message>
        <source>Smoothed: the mean of the last 7 days, so the first 6 are empty.</source>
        <translation>Geglättet: der Mittelwert der letzten 7 Tage, daher sind die ersten 6 leer.</translation>
    </message>
    <message>
        <source>Smoothed: the mean of the last 4 weeks, so the first 3 are empty.</source>
        <translation>Geglättet: der Mittelwert der letzten 4 Wochen, daher sind die ersten 3 leer.</translation>
    </message>
    <message>
        <source>Smoothed: the mean of the last 3 months, so the first 2 are empty.</source>
        <translation>Geglättet: der Mittelwert der letzten 3 Monate, daher sind die ersten 2 leer.</translation>
    </message>
    <message>
        <source>There are no such events in this date range.</source>
        <translation>In diesem Zeitraum gibt es keine solchen Ereignisse.</translation>
    </message>
    <message>
        <source>the previous range does not line up with this one</source>
        <translation>der vorige Zeitraum passt nicht zu diesem</translation>
    </message>
    <message>
        <source>The previous {periods} ({start} to {end}) hold no events: nothing to compare with.</source>
        <translation>Die vorigen {periods} ({start} bis {end}) enthalten keine Ereignisse: nichts zum Vergleichen.</translation>
    </message>
    <message>
        <source>Compared with the previous {periods} ({start} to {end}).</source>
        <translation>Verglichen mit den vorigen {periods} ({start} bis {end}).</translation>
    </message>
    <message>
        <source>Mean per day {now} against {then}{change}.</source>
        <translation>Mittelwert pro Tag {now} gegenüber {then}{change}.</translation>
    </message>
    <message>
        <source>Mean per week {now} against {then}{change}.</source>
        <translation>Mittelwert pro Woche {now} gegenüber {then}{change}.</translation>
    </message>
    <message>
        <source>Mean per month {now} against {then}{change}.</source>
        <translation>Mittelwert pro Monat {now} gegenüber {then}{change}.</translation>
    </message>
    <message>
        <source>there are no events to compare</source>
        <translation>es gibt keine Ereignisse zum Vergleichen</translation>
    </message>
    <message>
        <source>B is 0 there</source>
        <translation>B ist dort 0</translation>
    </message>
    <message>
        <source>there is nothing to divide by</source>
        <translation>es gibt nichts, durch das geteilt werden kann</translation>
    </message>
    <message>
        <source>{periods} left empty: {why}.</source>
        <translation>{periods} leer gelassen: {why}.</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>{odd:,} with a value that is not a number</source>
        <translation>{odd:,} mit einem Wert, der keine Zahl ist</translation>
    </message>
    <message>
        <source>{missing:,} without one</source>
        <translation>{missing:,} ohne Wert</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>{prop}: {parts} of the {total:,} {rows} are left out of the sum.</source>
        <translation>{prop}: {parts} (insgesamt {total:,} {rows}) fließen nicht in die Summe ein.</translation>
    </message>
    <message>
        <source>{prop}: {parts} of the {total:,} {rows} are left out of the average.</source>
        <translation>{prop}: {parts} (insgesamt {total:,} {rows}) fließen nicht in den Durchschnitt ein.</translation>
    </message>
    <message>
        <source>{series} (previous)</source>
        <translation>{series} (vorher)</translation>
    </message>
    <message>
        <source>Event {series}</source>
        <translation>Ereignis {series}</translation>
    </message>
    <message>
        <source>The event counted (All events: every event)</source>
        <translation>Das gezählte Ereignis (Alle Ereignisse: jedes Ereignis)</translation>
    </message>
    <message>
        <source>Measure {series}</source>
        <translation>Messgröße {series}</translation>
    </message>
    <message>
        <source>Total events, distinct users, events per user, or the sum or average of a numeric event property</source>
        <translation>Ereignisse insgesamt, verschiedene Nutzer, Ereignisse pro Nutzer, oder Summe oder Mittelwert einer numerischen Ereigniseigenschaft</translation>
    </message>
    <message>
        <source>Property {series}</source>
        <translation>Eigenschaft {series}</translation>
    </message>
    <message>
        <source>The numeric event property summed or averaged; values that are missing or not numbers are left out (and counted under the chart)</source>
        <translation>Die summierte oder gemittelte numerische Ereigniseigenschaft; fehlende Werte und Werte, die keine Zahlen sind, werden weggelassen (und unter dem Diagramm gezählt)</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Formel</translation>
    </message>
    <message>
        <source>Combine A with a second series B: A ÷ B (exports per active user) or A − B</source>
        <translation>A mit einer zweiten Reihe B verknüpfen: A ÷ B (Exporte pro aktivem Nutzer) oder A − B</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>With the previous period</source>
        <translation>Mit dem vorigen Zeitraum</translation>
    </message>
    <message>
        <source>Draw the same series one range back, dashed, with the change</source>
        <translation>Dieselbe Reihe einen Zeitraum früher gestrichelt zeichnen, mit der Veränderung</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Rolling mean (7 days, 4 weeks, 3 months)</source>
        <translation>Gleitender Mittelwert (7 Tage, 4 Wochen, 3 Monate)</translation>
    </message>
    <message>
        <source>The mean of each period and those just before it, to see the trend through the noise</source>
        <translation>Der Mittelwert jedes Zeitraums und der direkt davor, um den Trend durch das Rauschen zu sehen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>(the first)</source>
        <translation>(der erste)</translation>
    </message>
    <message>
        <source>Import a metrics export (a date column and counts, e.g. a GA4 exploration) in step 2 to see its trend.</source>
        <translation>Importieren Sie in Schritt 2 einen Metrik-Export (eine Datumsspalte und Zahlen, z. B. eine GA4-Exploration), um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Unknown period &apos;{period}&apos;.</source>
        <translation>Unbekannter Zeitraum „{period}“.</translation>
    </message>
    <message>
        <source>{measure} {per} by {by}</source>
        <translation>{measure} {per} nach {by}</translation>
    </message>
    <message>
        <source>{measure} {per}</source>
        <translation>{measure} {per}</translation>
    </message>
    <message>
        <source>This analysis reads each user&apos;s events one by one: it needs them in the project, not in a warehouse.</source>
        <translation>Diese Analyse liest die Ereignisse jedes Nutzers einzeln: Sie braucht sie im Projekt, nicht in einem Warehouse.</translation>
    </message>
    <message>
        <source>in this order</source>
        <translation>in dieser Reihenfolge</translation>
    </message>
    <message>
        <source>one directly after another</source>
        <translation>direkt nacheinander</translation>
    </message>
    <message>
        <source>in any order</source>
        <translation>in beliebiger Reihenfolge</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Weekly active users</source>
        <translation>Wöchentlich aktive Nutzer</translation>
    </message>
    <message>
        <source>Monthly active users</source>
        <translation>Monatlich aktive Nutzer</translation>
    </message>
    <message>
        <source> ({by} of {on})</source>
        <translation> ({by} laut {on})</translation>
    </message>
    <message>
        <source>each user&apos;s last event</source>
        <translation>dem letzten Ereignis jedes Nutzers</translation>
    </message>
    <message>
        <source>each user&apos;s first event</source>
        <translation>dem ersten Ereignis jedes Nutzers</translation>
    </message>
    <message>
        <source>{measure} by {by}{note}</source>
        <translation>{measure} nach {by}{note}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>Wiederkehrend</translation>
    </message>
    <message>
        <source>Resurrecting</source>
        <translation>Reaktiviert</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Daily lifecycle: new, returning, resurrecting and dormant users</source>
        <translation>Täglicher Lebenszyklus: neue, wiederkehrende, reaktivierte und inaktive Nutzer</translation>
    </message>
    <message>
        <source>Weekly lifecycle: new, returning, resurrecting and dormant users</source>
        <translation>Wöchentlicher Lebenszyklus: neue, wiederkehrende, reaktivierte und inaktive Nutzer</translation>
    </message>
    <message>
        <source>Monthly lifecycle: new, returning, resurrecting and dormant users</source>
        <translation>Monatlicher Lebenszyklus: neue, wiederkehrende, reaktivierte und inaktive Nutzer</translation>
    </message>
    <message>
        <source>Everyone active on the first day counts as new: the data starts there.</source>
        <translation>Alle, die am ersten Tag aktiv waren, zählen als neu: Dort beginnen die Daten.</translation>
    </message>
    <message>
        <source>Everyone active in the first week counts as new: the data starts there.</source>
        <translation>Alle, die in der ersten Woche aktiv waren, zählen als neu: Dort beginnen die Daten.</translation>
    </message>
    <message>
        <source>Everyone active in the first month counts as new: the data starts there.</source>
        <translation>Alle, die im ersten Monat aktiv waren, zählen als neu: Dort beginnen die Daten.</translation>
    </message>
    <message>
        <source>Users (dormant below zero)</source>
        <translation>Nutzer (inaktive unter null)</translation>
    </message>
    <message>
        <source>Share of active users</source>
        <translation>Anteil der aktiven Nutzer</translation>
    </message>
    <message>
        <source>Days active per week (average share of the week&apos;s active users)</source>
        <translation>Aktive Tage pro Woche (durchschnittlicher Anteil der aktiven Nutzer der Woche)</translation>
    </message>
    <message>
        <source>Days active in the week</source>
        <translation>Aktive Tage in der Woche</translation>
    </message>
    <message>
        <source>Days active per month (average share of the month&apos;s active users)</source>
        <translation>Aktive Tage pro Monat (durchschnittlicher Anteil der aktiven Nutzer des Monats)</translation>
    </message>
    <message>
        <source>Days active in the month</source>
        <translation>Aktive Tage im Monat</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Users per event</source>
        <translation>Nutzer pro Ereignis</translation>
    </message>
    <message>
        <source>Stickiness (DAU/MAU)</source>
        <translation>Stickiness (DAU/MAU)</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>within {count:,} day</source>
        <translation>innerhalb von {count:,} Tag</translation>
    </message>
    <message>
        <source>within {count:,} days</source>
        <translation>innerhalb von {count:,} Tagen</translation>
    </message>
    <message>
        <source>out if they do {event} between steps {step} and {next}</source>
        <translation>raus, wenn sie {event} zwischen Schritt {step} und {next} ausführen</translation>
    </message>
    <message>
        <source>out if they do {event}</source>
        <translation>raus, wenn sie {event} ausführen</translation>
    </message>
    <message>
        <source>Choose at least two steps for a funnel.</source>
        <translation>Wählen Sie mindestens zwei Schritte für einen Funnel.</translation>
    </message>
    <message>
        <source>the {event} each user entered with</source>
        <translation>dem {event}, mit dem jeder Nutzer eingestiegen ist</translation>
    </message>
    <message>
        <source>Conversion from step 1 by {by}{note}: {terms}</source>
        <translation>Konversion ab Schritt 1 nach {by}{note}: {terms}</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konversion</translation>
    </message>
    <message>
        <source>Funnel: {terms}</source>
        <translation>Funnel: {terms}</translation>
    </message>
    <message>
        <source>Nobody did the first step ({event}) in this date range.</source>
        <translation>Niemand hat in diesem Zeitraum den ersten Schritt ({event}) ausgeführt.</translation>
    </message>
    <message>
        <source>No user reached: {events}. Check the step order or widen the window.</source>
        <translation>Kein Nutzer hat erreicht: {events}. Prüfen Sie die Reihenfolge der Schritte oder vergrößern Sie das Fenster.</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day: steps done on the same day count as in order, and times to convert are whole days.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit: Schritte am selben Tag zählen als in Reihenfolge, und Zeiten bis zur Konversion sind ganze Tage.</translation>
    </message>
    <message>
        <source>No user started in this date range.</source>
        <translation>Kein Nutzer hat in diesem Zeitraum begonnen.</translation>
    </message>
    <message>
        <source>days since cohort start</source>
        <translation>Tage seit Kohortenbeginn</translation>
    </message>
    <message>
        <source>weeks since cohort start</source>
        <translation>Wochen seit Kohortenbeginn</translation>
    </message>
    <message>
        <source>months since cohort start</source>
        <translation>Monate seit Kohortenbeginn</translation>
    </message>
    <message>
        <source>Retention by cohort (cohort start, size)</source>
        <translation>Retention nach Kohorte (Kohortenbeginn, Größe)</translation>
    </message>
    <message>
        <source>Average retention (weighted by cohort size)</source>
        <translation>Durchschnittliche Retention (gewichtet nach Kohortengröße)</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Event {event} does not occur in the data.</source>
        <translation>Das Ereignis {event} kommt in den Daten nicht vor.</translation>
    </message>
    <message>
        <source>What leads up to {event}</source>
        <translation>Was zu {event} führt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Share of what came before {event}</source>
        <translation>Anteil an dem, was vor {event} kam</translation>
    </message>
    <message>
        <source>What users do after {event}</source>
        <translation>Was Nutzer nach {event} tun</translation>
    </message>
    <message>
        <source>Share of what follows {event}</source>
        <translation>Anteil an dem, was auf {event} folgt</translation>
    </message>
    <message>
        <source>(end)</source>
        <translation>(Ende)</translation>
    </message>
    <message>
        <source>(start)</source>
        <translation>(Anfang)</translation>
    </message>
    <message>
        <source>The last day ({start}) is partial: the data ends on {end}, so its lower value is not a real drop. It is drawn hollow.</source>
        <translation>Der letzte Tag ({start}) ist unvollständig: Die Daten enden am {end}, sein niedrigerer Wert ist also kein echter Rückgang. Er ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>The last week (from {start}) is partial: the data ends on {end}, so its lower value is not a real drop. It is drawn hollow.</source>
        <translation>Die letzte Woche (ab {start}) ist unvollständig: Die Daten enden am {end}, ihr niedrigerer Wert ist also kein echter Rückgang. Sie ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>The last month (from {start}) is partial: the data ends on {end}, so its lower value is not a real drop. It is drawn hollow.</source>
        <translation>Der letzte Monat (ab {start}) ist unvollständig: Die Daten enden am {end}, sein niedrigerer Wert ist also kein echter Rückgang. Er ist hohl gezeichnet.</translation>
    </message>
    <message>
        <source>{start} ({size:,})</source>
        <translation>{start} ({size:,})</translation>
    </message>
    <message>
        <source>Nobody did {event} in this date range.</source>
        <translation>Niemand hat in diesem Zeitraum {event} ausgeführt.</translation>
    </message>
    <message>
        <source>Nobody did anything after {event} in this date range.</source>
        <translation>Niemand hat in diesem Zeitraum nach {event} noch etwas getan.</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day: what users did on the same day follows the export&apos;s row order.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit: Was Nutzer am selben Tag taten, folgt der Zeilenreihenfolge des Exports.</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day, so visits cannot be told apart: every active day would count as one session lasting no time. Active users per day shows how often people come back.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit, daher lassen sich Besuche nicht unterscheiden: Jeder aktive Tag wäre eine Sitzung ohne Dauer. Aktive Nutzer pro Tag zeigt, wie oft Menschen wiederkommen.</translation>
    </message>
    <message>
        <source>Median session length (minutes)</source>
        <translation>Mediane Sitzungsdauer (Minuten)</translation>
    </message>
    <message>
        <source>Events by weekday</source>
        <translation>Ereignisse nach Wochentag</translation>
    </message>
    <message>
        <source>Active users by weekday</source>
        <translation>Aktive Nutzer nach Wochentag</translation>
    </message>
    <message>
        <source>Every timestamp in this data is a date without a time of day, so there are no hours to show: this is each weekday&apos;s total.</source>
        <translation>Jeder Zeitstempel in diesen Daten ist ein Datum ohne Uhrzeit, daher gibt es keine Stunden zu zeigen: Dies ist die Summe je Wochentag.</translation>
    </message>
    <message>
        <source>Events by weekday and hour (UTC)</source>
        <translation>Ereignisse nach Wochentag und Stunde (UTC)</translation>
    </message>
    <message>
        <source>Active users by weekday and hour (UTC)</source>
        <translation>Aktive Nutzer nach Wochentag und Stunde (UTC)</translation>
    </message>
    <message>
        <source>Hour of day (UTC)</source>
        <translation>Stunde des Tages (UTC)</translation>
    </message>
    <message>
        <source>There are no events in this date range.</source>
        <translation>In diesem Zeitraum gibt es keine Ereignisse.</translation>
    </message>
    <message>
        <source>{sign}{count} day {hours} h</source>
        <translation>{sign}{count} Tag {hours} h</translation>
    </message>
    <message>
        <source>{sign}{count} days {hours} h</source>
        <translation>{sign}{count} Tage {hours} h</translation>
    </message>
    <message>
        <source>{event} events</source>
        <translation>{event}-Ereignisse</translation>
    </message>
    <message>
        <source>no event property named {name!r}</source>
        <translation>keine Ereigniseigenschaft namens {name!r}</translation>
    </message>
    <message>
        <source>measure must be one of {measures}, not {measure!r}</source>
        <translation>die Messgröße muss eine von {measures} sein, nicht {measure!r}</translation>
    </message>
    <message>
        <source>event property {name!r} holds neither numbers nor text (dates?), so it has no sum</source>
        <translation>die Ereigniseigenschaft {name!r} enthält weder Zahlen noch Text (Datumsangaben?), daher hat sie keine Summe</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Users who did {event}</source>
        <translation>Nutzer, die {event} ausgeführt haben</translation>
    </message>
    <message>
        <source>{event} per user</source>
        <translation>{event} pro Nutzer</translation>
    </message>
    <message>
        <source>Events per active user</source>
        <translation>Ereignisse pro aktivem Nutzer</translation>
    </message>
    <message>
        <source>Sum of {property} ({event})</source>
        <translation>Summe von {property} ({event})</translation>
    </message>
    <message>
        <source>Sum of {property}</source>
        <translation>Summe von {property}</translation>
    </message>
    <message>
        <source>Average {property} ({event})</source>
        <translation>Durchschnitt von {property} ({event})</translation>
    </message>
    <message>
        <source>Average {property}</source>
        <translation>Durchschnitt von {property}</translation>
    </message>
    <message>
        <source>choose a numeric event property to sum</source>
        <translation>wählen Sie eine numerische Ereigniseigenschaft, die summiert wird</translation>
    </message>
    <message>
        <source>choose a numeric event property to average</source>
        <translation>wählen Sie eine numerische Ereigniseigenschaft, deren Durchschnitt gebildet wird</translation>
    </message>
    <message>
        <source>formula must be divide or subtract, not {formula!r}</source>
        <translation>die Formel muss „divide“ oder „subtract“ sein, nicht {formula!r}</translation>
    </message>
    <message>
        <source>the DuckDB engine cannot read this file ({reason}); use --engine memory</source>
        <translation>die DuckDB-Engine kann diese Datei nicht lesen ({reason}); verwenden Sie --engine memory</translation>
    </message>
    <message>
        <source>no value in column {time!r} could be read as an ISO date and time</source>
        <translation>kein Wert in der Spalte {time!r} ließ sich als ISO-Datum mit Uhrzeit lesen</translation>
    </message>
    <message>
        <source>no value in column {column!r} could be read as a date and time</source>
        <translation>kein Wert in der Spalte {column!r} ließ sich als Datum und Uhrzeit lesen</translation>
    </message>
    <message>
        <source>the anomaly window must cover at least 3 points and the season at least 1</source>
        <translation>das Anomalie-Fenster muss mindestens 3 Punkte umfassen und die Saison mindestens 1</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>customers table has no column {column!r}</source>
        <translation>die Kundentabelle hat keine Spalte {column!r}</translation>
    </message>
    <message>
        <source>customer attribute or event property</source>
        <translation>Kundeneigenschaft oder Ereigniseigenschaft</translation>
    </message>
    <message>
        <source>event property</source>
        <translation>Ereigniseigenschaft</translation>
    </message>
    <message>
        <source>no {where} named {by!r}</source>
        <translation>eine {where} namens {by!r} gibt es nicht</translation>
    </message>
    <message>
        <source>a cohort matches &apos;all&apos; or &apos;any&apos; of its conditions, not {match!r}</source>
        <translation>eine Kohorte erfüllt „all“ oder „any“ ihrer Bedingungen, nicht {match!r}</translation>
    </message>
    <message>
        <source>the cohort has no conditions yet</source>
        <translation>die Kohorte hat noch keine Bedingungen</translation>
    </message>
    <message>
        <source>condition {number}: {problem}</source>
        <translation>Bedingung {number}: {problem}</translation>
    </message>
    <message>
        <source>choose the {field}</source>
        <translation>wählen Sie einen Wert für „{field}“</translation>
    </message>
    <message>
        <source>the {field} should be text, not {value}</source>
        <translation>„{field}“ sollte Text sein, nicht {value}</translation>
    </message>
    <message>
        <source>the {field} should be a list of text</source>
        <translation>„{field}“ sollte eine Liste von Texten sein</translation>
    </message>
    <message>
        <source>{field} should be a whole number of at least {least}, not {value}</source>
        <translation>„{field}“ sollte eine ganze Zahl von mindestens {least} sein, nicht {value}</translation>
    </message>
    <message>
        <source>{field} is not a date (YYYY-MM-DD): {value}</source>
        <translation>„{field}“ ist kein Datum (JJJJ-MM-TT): {value}</translation>
    </message>
    <message>
        <source>should be an object with a kind</source>
        <translation>sollte ein Objekt mit einer Art sein</translation>
    </message>
    <message>
        <source>the comparison should be one of {ops}, not {op}</source>
        <translation>der Vergleich sollte einer von {ops} sein, nicht {op}</translation>
    </message>
    <message>
        <source>choose at least one value</source>
        <translation>wählen Sie mindestens einen Wert</translation>
    </message>
    <message>
        <source>compare with exactly one value</source>
        <translation>vergleichen Sie mit genau einem Wert</translation>
    </message>
    <message>
        <source>an event property is read on the first or last event, not {counted}</source>
        <translation>eine Ereigniseigenschaft wird am ersten oder letzten Ereignis gelesen, nicht {counted}</translation>
    </message>
    <message>
        <source>at most {most} times is fewer than at least {least}</source>
        <translation>höchstens {most}-mal ist weniger als mindestens {least}-mal</translation>
    </message>
    <message>
        <source>the step should be between 1 and {last}</source>
        <translation>der Schritt sollte zwischen 1 und {last} liegen</translation>
    </message>
    <message>
        <source>the funnel order should be one of {orders}, not {order}</source>
        <translation>die Reihenfolge des Funnels sollte eine von {orders} sein, nicht {order}</translation>
    </message>
    <message>
        <source>outside should be true or false, not {value}</source>
        <translation>„outside“ sollte true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>unknown kind {kind} (one of {kinds})</source>
        <translation>unbekannte Art {kind} (eine von {kinds})</translation>
    </message>
    <message>
        <source>{value} is neither a number nor a date to compare with</source>
        <translation>{value} ist weder eine Zahl noch ein Datum zum Vergleichen</translation>
    </message>
    <message>
        <source>{attribute} holds values that are not numbers (such as {value}), so it cannot be compared with {bound}; use &apos;{op}&apos;</source>
        <translation>{attribute} enthält Werte, die keine Zahlen sind (etwa {value}), und lässt sich daher nicht mit {bound} vergleichen; verwenden Sie „{op}“</translation>
    </message>
    <message>
        <source>{attribute} holds values that are not dates (such as {value}), so it cannot be compared with {bound}; use &apos;{op}&apos;</source>
        <translation>{attribute} enthält Werte, die keine Datumsangaben sind (etwa {value}), und lässt sich daher nicht mit {bound} vergleichen; verwenden Sie „{op}“</translation>
    </message>
    <message>
        <source>path depth must be at least 1</source>
        <translation>die Pfadtiefe muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>path depth {depth} is too deep for {names} event names</source>
        <translation>die Pfadtiefe {depth} ist für {names} Ereignisnamen zu groß</translation>
    </message>
    <message>
        <source>no lifecycle group {group!r}</source>
        <translation>keine Lebenszyklus-Gruppe {group!r}</translation>
    </message>
    <message>
        <source>retention mode must be &apos;on&apos; or &apos;on_or_after&apos;, not {mode!r}</source>
        <translation>der Retention-Modus muss „on“ oder „on_or_after“ sein, nicht {mode!r}</translation>
    </message>
    <message>
        <source>max periods must be zero or more</source>
        <translation>die Höchstzahl der Perioden muss null oder mehr sein</translation>
    </message>
    <message>
        <source>no event property named {property!r}</source>
        <translation>keine Ereigniseigenschaft namens {property!r}</translation>
    </message>
    <message>
        <source>event {name!r} does not occur in the data</source>
        <translation>das Ereignis {name!r} kommt in den Daten nicht vor</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nachher</translation>
    </message>
    <message>
        <source>each variant needs at least one user</source>
        <translation>jede Variante braucht mindestens einen Nutzer</translation>
    </message>
    <message>
        <source>each group needs at least two values for a t-test</source>
        <translation>jede Gruppe braucht für einen t-Test mindestens zwei Werte</translation>
    </message>
    <message>
        <source>no variant {control!r} (variants: {variants})</source>
        <translation>keine Variante {control!r} (Varianten: {variants})</translation>
    </message>
    <message>
        <source>the baseline conversion rate must be between 0 and 1</source>
        <translation>die Ausgangs-Conversion-Rate muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>a {effect:+.0%} change of a {baseline:.1%} conversion rate is not a rate to detect</source>
        <translation>eine Änderung um {effect:+.0%} bei einer Konversionsrate von {baseline:.1%} ergibt keine Rate, die sich nachweisen ließe</translation>
    </message>
    <message>
        <source>the significance level and the power must be between 0 and 1</source>
        <translation>das Signifikanzniveau und die Teststärke müssen zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>need at least 2 days on each side of the change date; {available} available</source>
        <translation>es braucht mindestens 2 Tage auf jeder Seite des Änderungsdatums; {available} vorhanden</translation>
    </message>
    <message>
        <source>a funnel needs at least two steps</source>
        <translation>ein Funnel braucht mindestens zwei Schritte</translation>
    </message>
    <message>
        <source>funnel order must be one of {orders}, not {order!r}</source>
        <translation>die Reihenfolge des Funnels muss eine von {orders} sein, nicht {order!r}</translation>
    </message>
    <message>
        <source>choose the event that drops users out between the two steps</source>
        <translation>wählen Sie das Ereignis, mit dem Nutzer zwischen den beiden Schritten ausscheiden</translation>
    </message>
    <message>
        <source>cannot exclude between step {step} and step {next}: the funnel&apos;s steps are 1 to {last}</source>
        <translation>zwischen Schritt {step} und Schritt {next} lässt sich nichts ausschließen: Der Funnel hat die Schritte 1 bis {last}</translation>
    </message>
    <message>
        <source>a journey needs at least 1 step</source>
        <translation>eine Journey braucht mindestens 1 Schritt</translation>
    </message>
    <message>
        <source>{event!r} is neither an event of the data nor a touchpoint its grouping rules make</source>
        <translation>{event!r} ist weder ein Ereignis der Daten noch ein Touchpoint, den die Gruppierungsregeln bilden</translation>
    </message>
    <message>
        <source>no event log with readable times</source>
        <translation>kein Ereignisprotokoll mit lesbaren Zeiten</translation>
    </message>
    <message>
        <source>the event &apos;{name}&apos; does not occur in the data</source>
        <translation>das Ereignis „{name}“ kommt in den Daten nicht vor</translation>
    </message>
    <message>
        <source>no cohort has reached {period} {offset} yet</source>
        <translation>noch keine Kohorte hat {period} {offset} erreicht</translation>
    </message>
    <message>
        <source>{period}-{offset} retention over {cohorts} cohorts</source>
        <translation>Retention in {period} {offset} über {cohorts} Kohorten</translation>
    </message>
    <message>
        <source>{period}-{offset} retention of users who did {event} over {cohorts} cohorts</source>
        <translation>Retention in {period} {offset} der Nutzer, die {event} ausgeführt haben, über {cohorts} Kohorten</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>nobody did {event} in the {basis}</source>
        <translation>niemand hat {event} im Zeitraum „{basis}“ ausgeführt</translation>
    </message>
    <message>
        <source>{label} has no value in the {basis}: nothing to divide by</source>
        <translation>{label} hat im Zeitraum „{basis}“ keinen Wert: nichts, wodurch sich teilen ließe</translation>
    </message>
    <message>
        <source>no revenue export imported</source>
        <translation>kein Umsatzexport importiert</translation>
    </message>
    <message>
        <source>the revenue is in {count} currencies: enter exchange rates (step 4, Revenue &amp; CLV) so that one ARPU can be measured</source>
        <translation>der Umsatz liegt in {count} Währungen vor: Geben Sie Wechselkurse ein (Schritt 4, Umsatz &amp; CLV), damit sich ein ARPU messen lässt</translation>
    </message>
    <message>
        <source>no survey answers imported</source>
        <translation>keine Umfrageantworten importiert</translation>
    </message>
    <message>
        <source>no valid survey scores</source>
        <translation>keine gültigen Umfragewerte</translation>
    </message>
    <message>
        <source>no metrics export with readable dates</source>
        <translation>kein Metrik-Export mit lesbaren Daten</translation>
    </message>
    <message>
        <source>the metrics export has no column &apos;{column}&apos;</source>
        <translation>der Metrik-Export hat keine Spalte „{column}“</translation>
    </message>
    <message>
        <source>a retention offset is zero or more, not {offset}</source>
        <translation>ein Retention-Abstand ist null oder mehr, nicht {offset}</translation>
    </message>
    <message>
        <source>no cohort has reached {unit} {offset} yet</source>
        <translation>noch keine Kohorte hat {unit} {offset} erreicht</translation>
    </message>
    <message>
        <source>no one who did {event} has had the whole window to convert yet</source>
        <translation>noch niemand, der {event} ausgeführt hat, hatte das ganze Fenster zur Konversion</translation>
    </message>
    <message>
        <source>no dated survey answers imported</source>
        <translation>keine datierten Umfrageantworten importiert</translation>
    </message>
    <message>
        <source>&apos;{metric}&apos; has no series over time</source>
        <translation>„{metric}“ hat keinen Verlauf über die Zeit</translation>
    </message>
    <message>
        <source>choose at least one step</source>
        <translation>wählen Sie mindestens einen Schritt</translation>
    </message>
    <message>
        <source>step {step!r} is listed twice</source>
        <translation>der Schritt {step!r} ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>period must be one of {periods}, not {period!r}</source>
        <translation>der Zeitraum muss einer von {periods} sein, nicht {period!r}</translation>
    </message>
    <message>
        <source>not a date: {value!r}</source>
        <translation>kein Datum: {value!r}</translation>
    </message>
    <message>
        <source>the start date {start} is after the end date {end}</source>
        <translation>das Startdatum {start} liegt nach dem Enddatum {end}</translation>
    </message>
    <message>
        <source>not a duration: {window!r} (use e.g. 7d, 12h, 30min)</source>
        <translation>keine Dauer: {window!r} (z. B. 7d, 12h, 30min verwenden)</translation>
    </message>
    <message>
        <source>a duration must be positive, not {window!r}</source>
        <translation>eine Dauer muss positiv sein, nicht {window!r}</translation>
    </message>
    <message>
        <source>the revenue export names no currency</source>
        <translation>der Umsatzexport nennt keine Währung</translation>
    </message>
    <message>
        <source>(no currency column)</source>
        <translation>(keine Währungsspalte)</translation>
    </message>
    <message>
        <source>no exchange rate into {currency} for {codes}</source>
        <translation>kein Wechselkurs in {currency} für {codes}</translation>
    </message>
    <message>
        <source>no exchange rate into a reporting currency for {codes}</source>
        <translation>kein Wechselkurs in eine Berichtswährung für {codes}</translation>
    </message>
    <message>
        <source>the revenue is in {count} currencies ({codes}): split it per currency or convert it with exchange rates first</source>
        <translation>der Umsatz liegt in {count} Währungen vor ({codes}): Teilen Sie ihn nach Währung auf oder rechnen Sie ihn zuerst mit Wechselkursen um</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>gross margin must be a fraction above 0 and at most 1</source>
        <translation>die Bruttomarge muss ein Anteil über 0 und höchstens 1 sein</translation>
    </message>
    <message>
        <source>the churn rate must be above 0 for a lifetime value to exist</source>
        <translation>die Abwanderungsrate muss über 0 liegen, damit es einen Customer Lifetime Value gibt</translation>
    </message>
    <message>
        <source>a session gap of {gap} is too long to time {n_codes} events</source>
        <translation>eine Sitzungslücke von {gap} ist zu lang, um {n_codes} Ereignisse zu timen</translation>
    </message>
    <message>
        <source>{variant!r} needs at least two variants, found {found}</source>
        <translation>{variant!r} braucht mindestens zwei Varianten, gefunden: {found}</translation>
    </message>
    <message>
        <source>{off_scale} score(s) are not whole numbers from {low} to {high}</source>
        <translation>{off_scale} Wert(e) sind keine ganzen Zahlen von {low} bis {high}</translation>
    </message>
    <message>
        <source>column {column!r} holds {dtype} values, not parsed timestamps</source>
        <translation>die Spalte {column!r} enthält Werte vom Typ {dtype}, keine gelesenen Zeitstempel</translation>
    </message>
    <message>
        <source>missing column(s): {columns}</source>
        <translation>fehlende Spalte(n): {columns}</translation>
    </message>
    <message>
        <source>the cohort “{cohort}” cannot be worked out: {problem}</source>
        <translation>die Kohorte „{cohort}“ lässt sich nicht bestimmen: {problem}</translation>
    </message>
    <message>
        <source>(no later event)</source>
        <translation>(kein späteres Ereignis)</translation>
    </message>
    <message>
        <source>users drop out after one of steps 1 to {last} of this funnel, not after step {step}</source>
        <translation>Nutzer scheiden nach einem der Schritte 1 bis {last} dieses Funnels aus, nicht nach Schritt {step}</translation>
    </message>
    <message>
        <source>grouping rule {rule!r} should read name = pattern, e.g. Checkout = checkout_*</source>
        <translation>die Gruppierungsregel {rule!r} sollte Name = Muster lauten, z. B. Checkout = checkout_*</translation>
    </message>
    <message>
        <source>grouping rule {rule!r}: {name!r} is a label the journey map uses; pick another name</source>
        <translation>Gruppierungsregel {rule!r}: {name!r} ist eine Beschriftung der Journey-Map; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>grouping rule {rule!r}: not a valid regular expression ({error})</source>
        <translation>Gruppierungsregel {rule!r}: kein gültiger regulärer Ausdruck ({error})</translation>
    </message>
    <message>
        <source>{where} did not give the first rows: {reason}</source>
        <translation>{where} hat die ersten Zeilen nicht geliefert: {reason}</translation>
    </message>
    <message>
        <source>choose the column of each role first: {roles}</source>
        <translation>wählen Sie zuerst die Spalte jeder Rolle: {roles}</translation>
    </message>
    <message>
        <source>{problem} (in a warehouse&apos;s table; import the events to clean them with it)</source>
        <translation>{problem} (in einer Warehouse-Tabelle; importieren Sie die Ereignisse, um sie damit zu bereinigen)</translation>
    </message>
    <message>
        <source>The metrics export has no numeric column &apos;{metric}&apos;.</source>
        <translation>Der Metrik-Export hat keine Zahlenspalte „{metric}“.</translation>
    </message>
    <message>
        <source>The metrics export has no row with a readable date.</source>
        <translation>Der Metrik-Export hat keine Zeile mit lesbarem Datum.</translation>
    </message>
    <message>
        <source>{source} is a warehouse&apos;s table, which cannot be combined with other event sources: choose it alone in the data selection.</source>
        <translation>{source} ist eine Warehouse-Tabelle, die sich nicht mit anderen Ereignisquellen kombinieren lässt: Wählen Sie sie allein in der Datenauswahl.</translation>
    </message>
    <message>
        <source>no column {missing} in the data (columns: {known})</source>
        <translation>keine Spalte {missing} in den Daten (Spalten: {known})</translation>
    </message>
    <message>
        <source>a condition names {count} users, too many to write into a query on this warehouse (Trino and Databricks take no list along with a query): narrow the condition, or import the events</source>
        <translation>eine Bedingung nennt {count} Nutzer, zu viele, um sie in eine Abfrage an dieses Warehouse zu schreiben (Trino und Databricks nehmen keine Liste mit einer Abfrage an): Grenzen Sie die Bedingung ein oder importieren Sie die Ereignisse</translation>
    </message>
    <message>
        <source>{where} did not answer: {reason}</source>
        <translation>{where} hat nicht geantwortet: {reason}</translation>
    </message>
    <message>
        <source>The cohort this analysis was filtered to no longer exists: choose another one, or everyone.</source>
        <translation>Die Kohorte, auf die diese Analyse gefiltert war, gibt es nicht mehr: Wählen Sie eine andere oder alle.</translation>
    </message>
    <message>
        <source>Import an event log in step 2 to use cohorts.</source>
        <translation>Importieren Sie in Schritt 2 ein Ereignisprotokoll, um Kohorten zu nutzen.</translation>
    </message>
    <message>
        <source>Revenue figures cannot be filtered to a cohort yet: choose everyone to see them.</source>
        <translation>Umsatzzahlen lassen sich noch nicht auf eine Kohorte filtern: Wählen Sie alle, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Survey answers cannot be filtered to a cohort yet: choose everyone to see them.</source>
        <translation>Umfrageantworten lassen sich noch nicht auf eine Kohorte filtern: Wählen Sie alle, um sie zu sehen.</translation>
    </message>
    <message>
        <source>A metrics export has no users, so its numbers cannot be filtered to a cohort yet: choose everyone to see them.</source>
        <translation>Ein Metrik-Export hat keine Nutzer, daher lassen sich seine Zahlen noch nicht auf eine Kohorte filtern: Wählen Sie alle, um sie zu sehen.</translation>
    </message>
    <message>
        <source>The project has no cohorts to break down by: create one with Cohorts….</source>
        <translation>Das Projekt hat keine Kohorten zum Aufschlüsseln: Legen Sie eine mit Kohorten… an.</translation>
    </message>
    <message>
        <source>Break down by at most {count} cohorts at once, or by one of them.</source>
        <translation>Schlüsseln Sie nach höchstens {count} Kohorten auf einmal auf oder nach einer davon.</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Fisher&apos;s exact test</source>
        <translation>Exakter Test nach Fisher</translation>
    </message>
    <message>
        <source>χ² test</source>
        <translation>χ²-Test</translation>
    </message>
    <message>
        <source>No other event and no attribute value to compare: the users did only the funnel&apos;s steps.</source>
        <translation>Kein anderes Ereignis und kein Merkmalswert zum Vergleichen: Die Nutzer haben nur die Schritte des Funnels ausgeführt.</translation>
    </message>
    <message>
        <source>Nobody who entered the funnel reached {event}: there are no converted users to compare with those who dropped out.</source>
        <translation>Niemand, der in den Funnel eingestiegen ist, hat {event} erreicht: Es gibt keine konvertierten Nutzer, die sich mit den ausgestiegenen vergleichen ließen.</translation>
    </message>
    <message>
        <source>Everyone who entered the funnel reached {event}: there is nobody who dropped out to compare with.</source>
        <translation>Alle, die in den Funnel eingestiegen sind, haben {event} erreicht: Es ist niemand ausgestiegen, mit dem sich vergleichen ließe.</translation>
    </message>
    <message>
        <source>Too few users to compare: {converted:,} reached {event} and {dropped:,} dropped out; each group needs at least {minimum}.</source>
        <translation>Zu wenige Nutzer zum Vergleichen: {converted:,} haben {event} erreicht und {dropped:,} sind ausgestiegen; jede Gruppe braucht mindestens {minimum}.</translation>
    </message>
    <message>
        <source>{count:,} of {tested:,} features is significant (q-value of 5 % or less: about 1 in 20 of those flagged may be a fluke).</source>
        <translation>{count:,} von {tested:,} Merkmalen ist signifikant (q-Wert von 5 % oder weniger: etwa 1 von 20 der markierten kann ein Zufallstreffer sein).</translation>
    </message>
    <message>
        <source>{count:,} of {tested:,} features are significant (q-value of 5 % or less: about 1 in 20 of those flagged may be a fluke).</source>
        <translation>{count:,} von {tested:,} Merkmalen sind signifikant (q-Wert von 5 % oder weniger: etwa 1 von 20 der markierten kann ein Zufallstreffer sein).</translation>
    </message>
    <message>
        <source>Association, not cause: events after converting count too.</source>
        <translation>Zusammenhang, keine Ursache: Auch Ereignisse nach der Konversion zählen.</translation>
    </message>
    <message>
        <source>Odds ratio above 1: more common among the {converted:,} users who reached {event}; below 1: among the {dropped:,} who dropped out.</source>
        <translation>Odds Ratio über 1: häufiger unter den {converted:,} Nutzern, die {event} erreicht haben; unter 1: unter den {dropped:,}, die ausgestiegen sind.</translation>
    </message>
    <message>
        <source>What sets users who reached {event} apart: {terms}</source>
        <translation>Was Nutzer auszeichnet, die {event} erreicht haben: {terms}</translation>
    </message>
    <message>
        <source>Odds ratio</source>
        <translation>Odds Ratio</translation>
    </message>
    <message>
        <source>Odds ratio (log scale; 1: no difference)</source>
        <translation>Odds Ratio (logarithmische Skala; 1: kein Unterschied)</translation>
    </message>
    <message>
        <source>Attributes to test</source>
        <translation>Zu testende Merkmale</translation>
    </message>
    <message>
        <source>Customer attributes and event properties, comma-separated; each value is compared (an event property&apos;s on the event the user entered with). Every other event is compared too</source>
        <translation>Kundenmerkmale und Ereigniseigenschaften, durch Kommas getrennt; jeder Wert wird verglichen (der einer Ereigniseigenschaft am Ereignis, mit dem der Nutzer eingestiegen ist). Jedes andere Ereignis wird ebenfalls verglichen</translation>
    </message>
    <message>
        <source>How many features to show, the most significant first; q-values count every feature tested</source>
        <translation>Wie viele Merkmale gezeigt werden, die signifikantesten zuerst; die q-Werte berücksichtigen jedes getestete Merkmal</translation>
    </message>
    <message>
        <source>Conversion drivers</source>
        <translation>Konversionstreiber</translation>
    </message>
    <message>
        <source>Which events and attributes are more or less common among users who finished a funnel than among those who dropped out.</source>
        <translation>Welche Ereignisse und Merkmale unter Nutzern, die einen Funnel abgeschlossen haben, häufiger oder seltener sind als unter denen, die ausgestiegen sind.</translation>
    </message>
</context>
<context>
    <name>AnalysisChartWidget</name>
    <message>
        <source>There is no data for these settings.</source>
        <translation>Für diese Einstellungen gibt es keine Daten.</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>Diagramm: {title}</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>Diagramm als SVG speichern…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>AnalysisGalleryWidget</name>
    <message>
        <source>Analyses</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Saved analyses</source>
        <translation>Gespeicherte Analysen</translation>
    </message>
    <message>
        <source>Double-click to open a saved analysis with its settings.</source>
        <translation>Doppelklicken, um eine gespeicherte Analyse mit ihren Einstellungen zu öffnen.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open saved analysis</source>
        <translation>Gespeicherte Analyse öffnen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove saved analysis</source>
        <translation>Gespeicherte Analyse entfernen</translation>
    </message>
    <message>
        <source>Name to save as…</source>
        <translation>Name zum Speichern…</translation>
    </message>
    <message>
        <source>Name to save the analysis as</source>
        <translation>Name, unter dem die Analyse gespeichert wird</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Keep these settings in the project under this name.</source>
        <translation>Diese Einstellungen unter diesem Namen im Projekt aufbewahren.</translation>
    </message>
    <message>
        <source>Save analysis</source>
        <translation>Analyse speichern</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>{share} of step 1</source>
        <translation>{share} von Schritt 1</translation>
    </message>
    <message>
        <source>({count} lost)</source>
        <translation>({count} verloren)</translation>
    </message>
    <message>
        <source>{share} of previous step</source>
        <translation>{share} des vorigen Schritts</translation>
    </message>
    <message>
        <source>{count} user</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} user ({share} of all)</source>
        <translation>{count} Nutzer ({share} aller)</translation>
    </message>
    <message>
        <source>{count} users ({share} of all)</source>
        <translation>{count} Nutzer ({share} aller)</translation>
    </message>
    <message>
        <source>No data to show.</source>
        <translation>Keine Daten zum Anzeigen.</translation>
    </message>
    <message>
        <source>Converted users more often</source>
        <translation>Häufiger bei konvertierten Nutzern</translation>
    </message>
    <message>
        <source>Dropped-out users more often</source>
        <translation>Häufiger bei ausgestiegenen Nutzern</translation>
    </message>
    <message>
        <source>Not significant</source>
        <translation>Nicht signifikant</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>signifikant</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>nicht signifikant</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Could not write {name}.</source>
        <translation>{name} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Charts can be saved as .png or .svg files.</source>
        <translation>Diagramme lassen sich als .png- oder .svg-Datei speichern.</translation>
    </message>
</context>
<context>
    <name>CleanPage</name>
    <message>
        <source>Raw import</source>
        <translation>Roh-Import</translation>
    </message>
    <message>
        <source>First {rows} rows</source>
        <translation>Erste {rows} Zeilen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>After cleaning</source>
        <translation>Bereinigt</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>outside 1.5·IQR fences</source>
        <translation>außerhalb der 1,5·IQR-Grenzen</translation>
    </message>
    <message>
        <source>robust z &gt; 3.5</source>
        <translation>robustes z &gt; 3,5</translation>
    </message>
    <message>
        <source>low fence</source>
        <translation>untere Grenze</translation>
    </message>
    <message>
        <source>high fence</source>
        <translation>obere Grenze</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <source>missing share</source>
        <translation>Anteil fehlend</translation>
    </message>
    <message>
        <source>distinct values</source>
        <translation>verschiedene Werte</translation>
    </message>
    <message>
        <source>test account</source>
        <translation>Testkonto</translation>
    </message>
    <message>
        <source>unusually active</source>
        <translation>ungewöhnlich aktiv</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Nutzer-ID</translation>
    </message>
    <message>
        <source>looks like</source>
        <translation>sieht aus wie</translation>
    </message>
    <message>
        <source>why</source>
        <translation>warum</translation>
    </message>
    <message>
        <source>No suspected test or internal users are left in the cleaned table.</source>
        <translation>In der bereinigten Tabelle sind keine verdächtigen Test- oder internen Nutzer mehr.</translation>
    </message>
    <message>
        <source>{count} user looks like a test, demo, QA or internal account: the reasons say what in the user id or e-mail gave it away.</source>
        <translation>{count} Nutzer sieht nach einem Test-, Demo-, QA- oder internen Konto aus: Die Gründe sagen, was in der Nutzer-ID oder E-Mail darauf hinweist.</translation>
    </message>
    <message>
        <source>{count} users look like test, demo, QA or internal accounts: the reasons say what in the user id or e-mail gave them away.</source>
        <translation>{count} Nutzer sehen nach Test-, Demo-, QA- oder internen Konten aus: Die Gründe sagen, was in der Nutzer-ID oder E-Mail darauf hinweist.</translation>
    </message>
    <message>
        <source>No user id or e-mail looks like a test or internal account.</source>
        <translation>Keine Nutzer-ID und keine E-Mail sieht nach einem Test- oder internen Konto aus.</translation>
    </message>
    <message>
        <source>{count} user is only unusually active: often the best customers, so they are excluded only if you select them.</source>
        <translation>{count} Nutzer ist nur ungewöhnlich aktiv: Das sind oft die besten Kunden, daher wird er nur ausgeschlossen, wenn Sie ihn auswählen.</translation>
    </message>
    <message>
        <source>{count} users are only unusually active: often the best customers, so they are excluded only if you select them.</source>
        <translation>{count} Nutzer sind nur ungewöhnlich aktiv: Das sind oft die besten Kunden, daher werden sie nur ausgeschlossen, wenn Sie sie auswählen.</translation>
    </message>
    <message>
        <source>The {count} strongest are listed.</source>
        <translation>Die {count} auffälligsten sind aufgeführt.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Pseudonymise or drop…</source>
        <translation>Pseudonymisieren oder entfernen…</translation>
    </message>
    <message>
        <source>Replace personal values with pseudonyms, or drop them, in the stored table itself, so they leave the project file</source>
        <translation>Personenbezogene Werte in der gespeicherten Tabelle selbst durch Pseudonyme ersetzen oder entfernen, damit sie aus der Projektdatei verschwinden</translation>
    </message>
    <message>
        <source>Quality checks</source>
        <translation>Qualitätsprüfungen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Test users</source>
        <translation>Testnutzer</translation>
    </message>
    <message>
        <source>Exclude users…</source>
        <translation>Nutzer ausschließen…</translation>
    </message>
    <message>
        <source>Adds an “Exclude users” step for the selected users (the likely test accounts when none is selected), after saying what goes with them; undo with Ctrl+Z</source>
        <translation>Fügt einen Schritt „Nutzer ausschließen“ für die ausgewählten Nutzer hinzu (ohne Auswahl für die wahrscheinlichen Testkonten), nachdem gesagt wurde, was mit ihnen wegfällt; rückgängig mit Strg+Z</translation>
    </message>
    <message>
        <source>Suspected test users</source>
        <translation>Verdächtige Testnutzer</translation>
    </message>
    <message>
        <source>Import data in step 2 to check its quality here.</source>
        <translation>Importieren Sie in Schritt 2 Daten, um hier ihre Qualität zu prüfen.</translation>
    </message>
    <message>
        <source>Checking {source}</source>
        <translation>{source} wird geprüft</translation>
    </message>
    <message>
        <source>Test users ({count})</source>
        <translation>Testnutzer ({count})</translation>
    </message>
    <message>
        <source>Outliers ({count})</source>
        <translation>Ausreißer ({count})</translation>
    </message>
    <message>
        <source>Personal data removed from the stored table: {what}.</source>
        <translation>Personenbezogene Daten aus der gespeicherten Tabelle entfernt: {what}.</translation>
    </message>
    <message>
        <source>Personal data is stored in this source: {columns}. Replace it with pseudonyms or drop it in the stored table, so it never reaches a chart, an export or a shared project file.</source>
        <translation>In dieser Quelle sind personenbezogene Daten gespeichert: {columns}. Ersetzen Sie sie in der gespeicherten Tabelle durch Pseudonyme oder entfernen Sie sie, damit sie nie in ein Diagramm, einen Export oder eine weitergegebene Projektdatei gelangen.</translation>
    </message>
    <message>
        <source>The recipe&apos;s Pseudonymise step hides {columns} in analyses only: the project file still holds the raw values.</source>
        <translation>Der Schritt „Pseudonymisieren“ des Rezepts verbirgt {columns} nur in Analysen: Die Projektdatei enthält weiterhin die Rohwerte.</translation>
    </message>
    <message>
        <source>Exclude {count} selected user…</source>
        <translation>{count} ausgewählten Nutzer ausschließen…</translation>
    </message>
    <message>
        <source>Exclude {count} selected users…</source>
        <translation>{count} ausgewählte Nutzer ausschließen…</translation>
    </message>
    <message>
        <source>Exclude {count} likely test account…</source>
        <translation>{count} mutmaßliches Testkonto ausschließen…</translation>
    </message>
    <message>
        <source>Exclude {count} likely test accounts…</source>
        <translation>{count} mutmaßliche Testkonten ausschließen…</translation>
    </message>
    <message>
        <source>Exclude {users} and {more} more?</source>
        <translation>{users} und {more} weitere ausschließen?</translation>
    </message>
    <message>
        <source>Exclude {users}?</source>
        <translation>{users} ausschließen?</translation>
    </message>
    <message>
        <source>They are {shares}</source>
        <translation>Das sind {shares}</translation>
    </message>
    <message>
        <source>{count} of them is only unusually active, not named like a test account: possibly one of your best customers.</source>
        <translation>{count} davon ist nur ungewöhnlich aktiv und nicht wie ein Testkonto benannt: möglicherweise einer Ihrer besten Kunden.</translation>
    </message>
    <message>
        <source>{count} of them are only unusually active, not named like a test account: possibly your best customers.</source>
        <translation>{count} davon sind nur ungewöhnlich aktiv und nicht wie Testkonten benannt: möglicherweise Ihre besten Kunden.</translation>
    </message>
    <message>
        <source>They are left out of every analysis of this source; undo with Ctrl+Z.</source>
        <translation>Sie werden in jeder Analyse dieser Quelle weggelassen; rückgängig mit Strg+Z.</translation>
    </message>
    <message>
        <source>Exclude users</source>
        <translation>Nutzer ausschließen</translation>
    </message>
    <message>
        <source>{problem} Nothing was changed; choose one-way pseudonyms instead.</source>
        <translation>{problem} Es wurde nichts geändert; wählen Sie stattdessen Einweg-Pseudonyme.</translation>
    </message>
    <message>
        <source>A source changed while its personal data was being removed; nothing was changed. Try again.</source>
        <translation>Eine Quelle hat sich geändert, während ihre personenbezogenen Daten entfernt wurden; es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Save the project to remove them from {file} as well.</source>
        <translation>Speichern Sie das Projekt, um sie auch aus {file} zu entfernen.</translation>
    </message>
    <message>
        <source>Save the project.</source>
        <translation>Speichern Sie das Projekt.</translation>
    </message>
    <message>
        <source>The raw values of {count} column are gone from the stored tables, and the undo history was cleared.</source>
        <translation>Die Rohwerte von {count} Spalte sind aus den gespeicherten Tabellen entfernt, und der Rückgängig-Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>The raw values of {count} columns are gone from the stored tables, and the undo history was cleared.</source>
        <translation>Die Rohwerte von {count} Spalten sind aus den gespeicherten Tabellen entfernt, und der Rückgängig-Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>Personal data removed</source>
        <translation>Personenbezogene Daten entfernt</translation>
    </message>
    <message>
        <source>Removing personal data</source>
        <translation>Personenbezogene Daten werden entfernt</translation>
    </message>
</context>
<context>
    <name>Cohort</name>
    <message>
        <source>is one of</source>
        <translation>ist einer von</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>ist keiner von</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>ist mindestens</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>ist höchstens</translation>
    </message>
    <message>
        <source>op</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>gezählt unter</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>window days</source>
        <translation>Zeitfenster in Tagen</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>Ausschluss</translation>
    </message>
    <message>
        <source>user ids</source>
        <translation>Nutzer-IDs</translation>
    </message>
    <message>
        <source>{attribute} (on their last event) {op} {values}</source>
        <translation>{attribute} (bei ihrem letzten Ereignis) {op} {values}</translation>
    </message>
    <message>
        <source>{attribute} {op} {values}</source>
        <translation>{attribute} {op} {values}</translation>
    </message>
    <message>
        <source>any event</source>
        <translation>irgendein Ereignis</translation>
    </message>
    <message>
        <source>never did {event}</source>
        <translation>hat nie {event} ausgeführt</translation>
    </message>
    <message>
        <source>did {event} at least {times}</source>
        <translation>hat {event} mindestens {times} ausgeführt</translation>
    </message>
    <message>
        <source>did {event} exactly {times}</source>
        <translation>hat {event} genau {times} ausgeführt</translation>
    </message>
    <message>
        <source>did {event} {low} to {times}</source>
        <translation>hat {event} {low} bis {times} ausgeführt</translation>
    </message>
    <message>
        <source>first did {event}</source>
        <translation>hat {event} zum ersten Mal ausgeführt</translation>
    </message>
    <message>
        <source>first seen</source>
        <translation>zum ersten Mal gesehen</translation>
    </message>
    <message>
        <source>{what} at any time</source>
        <translation>{what} zu irgendeinem Zeitpunkt</translation>
    </message>
    <message>
        <source>completed the funnel {steps}</source>
        <translation>hat den Funnel {steps} abgeschlossen</translation>
    </message>
    <message>
        <source>reached step {step} ({name}) of {steps} but not step {next} within {days} days</source>
        <translation>hat Schritt {step} ({name}) von {steps} erreicht, aber nicht Schritt {next} innerhalb von {days} Tagen</translation>
    </message>
    <message>
        <source>reached step {step} ({name}) of {steps} but not step {next}</source>
        <translation>hat Schritt {step} ({name}) von {steps} erreicht, aber nicht Schritt {next}</translation>
    </message>
    <message>
        <source>none of {count:,} listed user</source>
        <translation>nicht der {count:,} gelistete Nutzer</translation>
    </message>
    <message>
        <source>none of {count:,} listed users</source>
        <translation>keiner der {count:,} gelisteten Nutzer</translation>
    </message>
    <message>
        <source>one of {count:,} listed user</source>
        <translation>der {count:,} gelistete Nutzer</translation>
    </message>
    <message>
        <source>one of {count:,} listed users</source>
        <translation>einer der {count:,} gelisteten Nutzer</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>{count:,} times</source>
        <translation>{count:,}-mal</translation>
    </message>
    <message>
        <source>{what} between {start} and {end}</source>
        <translation>{what} zwischen {start} und {end}</translation>
    </message>
    <message>
        <source>{what} from {start}</source>
        <translation>{what} ab {start}</translation>
    </message>
    <message>
        <source>{what} until {end}</source>
        <translation>{what} bis {end}</translation>
    </message>
</context>
<context>
    <name>CohortPickerWidget</name>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Analyse everyone, or only the users of a saved cohort (its members&apos; events)</source>
        <translation>Alle analysieren oder nur die Nutzer einer gespeicherten Kohorte (die Ereignisse ihrer Mitglieder)</translation>
    </message>
    <message>
        <source>Cohorts…</source>
        <translation>Kohorten…</translation>
    </message>
    <message>
        <source>Create, edit or delete saved groups of users</source>
        <translation>Gespeicherte Nutzergruppen anlegen, bearbeiten oder löschen</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Nutzer:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>CohortsDialog</name>
    <message>
        <source>Cohorts</source>
        <translation>Kohorten</translation>
    </message>
    <message>
        <source>Saved cohorts</source>
        <translation>Gespeicherte Kohorten</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the cohort from the project (Edit ▸ Undo brings it back)</source>
        <translation>Die Kohorte aus dem Projekt entfernen (Bearbeiten ▸ Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>e.g. Power users</source>
        <translation>z. B. Intensivnutzer</translation>
    </message>
    <message>
        <source>What the group is, for whoever reads the report</source>
        <translation>Was die Gruppe ist, für alle, die den Bericht lesen</translation>
    </message>
    <message>
        <source>all of these conditions</source>
        <translation>alle diese Bedingungen</translation>
    </message>
    <message>
        <source>any of these conditions</source>
        <translation>eine dieser Bedingungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Users who match</source>
        <translation>Nutzer, die erfüllen</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ Bedingung</translation>
    </message>
    <message>
        <source>Save cohort</source>
        <translation>Kohorte speichern</translation>
    </message>
    <message>
        <source>A new cohort: give it a name, set its conditions and save it.</source>
        <translation>Eine neue Kohorte: Geben Sie ihr einen Namen, legen Sie die Bedingungen fest und speichern Sie sie.</translation>
    </message>
    <message>
        <source>Cannot be used as it is: {problem}.</source>
        <translation>So nicht verwendbar: {problem}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Users who {conditions}.</source>
        <translation>Nutzer, für die gilt: {conditions}.</translation>
    </message>
    <message>
        <source>Give the cohort a name.</source>
        <translation>Geben Sie der Kohorte einen Namen.</translation>
    </message>
    <message>
        <source>There is already a cohort named “{name}”.</source>
        <translation>Es gibt schon eine Kohorte namens „{name}“.</translation>
    </message>
    <message>
        <source>Add cohort “{name}”</source>
        <translation>Kohorte „{name}“ hinzufügen</translation>
    </message>
    <message>
        <source>Edit cohort “{name}”</source>
        <translation>Kohorte „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete cohort “{name}”</source>
        <translation>Kohorte „{name}“ löschen</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>RICE: users reached per quarter</source>
        <translation>RICE: erreichte Nutzer pro Quartal</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>RICE: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal</source>
        <translation>RICE: 3 enorm, 2 hoch, 1 mittel, 0,5 gering, 0,25 minimal</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>RICE: how sure you are, 0 to 1 or as a percentage (80%)</source>
        <translation>RICE: wie sicher Sie sind, 0 bis 1 oder in Prozent (80 %)</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Aufwand</translation>
    </message>
    <message>
        <source>RICE: person-weeks</source>
        <translation>RICE: Personenwochen</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE-Wert</translation>
    </message>
    <message>
        <source>Reach × impact × confidence ÷ effort: higher first</source>
        <translation>Reichweite × Wirkung × Konfidenz ÷ Aufwand: höhere zuerst</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Customers&apos; comments cited as evidence (cite them in the “Customer feedback” tab)</source>
        <translation>Als Beleg zitierte Kundenkommentare (zitieren Sie sie im Reiter „Kundenfeedback“)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Released on</source>
        <translation>Ausgeliefert am</translation>
    </message>
    <message>
        <source>When the change reached customers; drawn as a marker on time charts</source>
        <translation>Wann die Änderung die Kunden erreichte; als Markierung in Zeitdiagrammen eingezeichnet</translation>
    </message>
    <message>
        <source>Moves the KPI of</source>
        <translation>Bewegt die Kennzahl von</translation>
    </message>
    <message>
        <source>Whose KPI the impact is measured on; by default the first objective of its findings</source>
        <translation>An wessen Kennzahl die Wirkung gemessen wird; standardmäßig am ersten Ziel ihrer Erkenntnisse</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Whom the change reached: everyone (measured before/after), or a cohort such as a rollout or beta, measured against everyone else over the same days</source>
        <translation>Wen die Änderung erreichte: alle (gemessen vorher/nachher) oder eine Kohorte wie ein Rollout oder eine Beta, gemessen gegen alle anderen an denselben Tagen</translation>
    </message>
    <message>
        <source>Measured impact</source>
        <translation>Gemessene Wirkung</translation>
    </message>
    <message>
        <source>Shown in the KPI&apos;s unit; rates can be typed as a percentage (30%) or a fraction</source>
        <translation>In der Einheit der Kennzahl; Quoten lassen sich in Prozent (30 %) oder als Bruchteil eingeben</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>What should change for customers or the business</source>
        <translation>Was sich für Kunden oder das Unternehmen ändern soll</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Kennzahl (KPI)</translation>
    </message>
    <message>
        <source>The number that shows success, in your words</source>
        <translation>Die Zahl, die den Erfolg zeigt, in Ihren Worten</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>Gemessen durch</translation>
    </message>
    <message>
        <source>The metric UsageLens computes for this KPI (its current value appears in step 8)</source>
        <translation>Die Metrik, die UsageLens für diese Kennzahl berechnet (ihr aktueller Wert erscheint in Schritt 8)</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Ausgangswert</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>The day the baseline was measured</source>
        <translation>Der Tag, an dem der Ausgangswert gemessen wurde</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>By when the target should be reached</source>
        <translation>Bis wann der Zielwert erreicht sein soll</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>A benchmark you know from outside (e.g. a published average), shown next to the KPI</source>
        <translation>Ein Vergleichswert, den Sie von außen kennen (z. B. ein veröffentlichter Durchschnitt), neben der Kennzahl gezeigt</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Switch a step off without losing it</source>
        <translation>Einen Schritt ausschalten, ohne ihn zu verlieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Rows before → after</source>
        <translation>Zeilen vor → nach</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>Separated by commas. A comment belongs to the theme when it contains any keyword (word starts count: “crash” finds “crashes”)</source>
        <translation>Durch Kommas getrennt. Ein Kommentar gehört zum Thema, wenn er eines der Stichwörter enthält (Wortanfänge zählen: „Preis“ findet „Preise“)</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>As cited; edit it only to shorten it</source>
        <translation>Wie zitiert; nur zum Kürzen bearbeiten</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Einordnung</translation>
    </message>
    <message>
        <source>Testimonials (praise worth quoting) and improvement suggestions are counted per month in step 8 and quoted in the report</source>
        <translation>Erfahrungsberichte (zitierwürdiges Lob) und Verbesserungsvorschläge werden in Schritt 8 pro Monat gezählt und im Bericht zitiert</translation>
    </message>
    <message>
        <source>Said on</source>
        <translation>Gesagt am</translation>
    </message>
    <message>
        <source>The day the customer said it, if known</source>
        <translation>Der Tag, an dem der Kunde es sagte, falls bekannt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>A survey answer and its score, an interview, a support call…</source>
        <translation>Eine Umfrageantwort mit ihrer Bewertung, ein Interview, ein Supportanruf…</translation>
    </message>
    <message>
        <source>Objective and KPI</source>
        <translation>Ziel und Kennzahl</translation>
    </message>
    <message>
        <source>The objective, the metric that measures its KPI and the data it is measured on</source>
        <translation>Das Ziel, die Metrik, die seine Kennzahl misst, und die Daten, auf denen sie gemessen wird</translation>
    </message>
    <message>
        <source>Where the KPI started, and the day it was measured (step 1)</source>
        <translation>Wo die Kennzahl begann, und der Tag, an dem sie gemessen wurde (Schritt 1)</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>The KPI on the latest data: the last complete period, and the day it starts</source>
        <translation>Die Kennzahl auf den neuesten Daten: der letzte vollständige Zeitraum und der Tag, an dem er beginnt</translation>
    </message>
    <message>
        <source>Where the KPI should get to, and by when</source>
        <translation>Wohin die Kennzahl soll, und bis wann</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>How far the KPI has moved from baseline (0%) to target (100%); below 0% it moved away</source>
        <translation>Wie weit sich die Kennzahl vom Ausgangswert (0 %) zum Zielwert (100 %) bewegt hat; unter 0 % hat sie sich entfernt</translation>
    </message>
    <message>
        <source>On track while progress is at least 80% of the share of time gone from baseline date to deadline; at risk when behind; off track when it moved away from the target</source>
        <translation>Im Plan, solange der Fortschritt mindestens 80 % des Anteils der Zeit beträgt, die vom Datum des Ausgangswerts bis zur Frist vergangen ist; gefährdet, wenn er zurückliegt; vom Kurs ab, wenn sich die Kennzahl vom Zielwert entfernt hat</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>The KPI&apos;s recent values, with the target as a line</source>
        <translation>Die letzten Werte der Kennzahl, mit dem Zielwert als Linie</translation>
    </message>
    <message>
        <source>The outside benchmark entered in step 1</source>
        <translation>Der externe Vergleichswert aus Schritt 1</translation>
    </message>
    <message>
        <source>Actions and measured impact</source>
        <translation>Maßnahmen und Wirkung</translation>
    </message>
    <message>
        <source>The actions aimed at this objective and, once shipped, their measured effect (step 7)</source>
        <translation>Die Maßnahmen für dieses Ziel und, sobald umgesetzt, ihre gemessene Wirkung (Schritt 7)</translation>
    </message>
    <message>
        <source>Data until</source>
        <translation>Daten bis</translation>
    </message>
    <message>
        <source>KPI values recorded</source>
        <translation>Festgehaltene Kennzahlwerte</translation>
    </message>
    <message>
        <source>What we learnt and what we change next</source>
        <translation>Gelerntes und nächste Änderungen</translation>
    </message>
    <message>
        <source>Endorsements</source>
        <translation>Unterstützungen</translation>
    </message>
    <message>
        <source>Who endorsed the review or has concerns: listed below</source>
        <translation>Wer die Überprüfung unterstützt oder Bedenken hat: unten aufgeführt</translation>
    </message>
    <message>
        <source>Testimonials</source>
        <translation>Erfahrungsberichte</translation>
    </message>
    <message>
        <source>Improvement suggestions</source>
        <translation>Verbesserungsvorschläge</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Bedenken</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Haltung</translation>
    </message>
    <message>
        <source>What they endorsed</source>
        <translation>Was unterstützt wurde</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>The objective or action it is about, if one</source>
        <translation>Das Ziel oder die Maßnahme, um die es geht, falls zutreffend</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gegeben am</translation>
    </message>
    <message>
        <source>When they said it</source>
        <translation>Wann es gesagt wurde</translation>
    </message>
    <message>
        <source>no roles mapped</source>
        <translation>keine Rollen zugeordnet</translation>
    </message>
    <message>
        <source>In warehouse</source>
        <translation>Im Warehouse</translation>
    </message>
    <message>
        <source>Counted in the warehouse when an analysis runs; the project keeps its first {rows} rows</source>
        <translation>Wird im Data Warehouse gezählt, wenn eine Analyse läuft; das Projekt behält die ersten {rows} Zeilen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The export the table was read from; a source of several exports names the first and the last</source>
        <translation>Der Export, aus dem die Tabelle gelesen wurde; eine Quelle aus mehreren Exporten nennt den ersten und den letzten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Unread times</source>
        <translation>Ohne Zeit</translation>
    </message>
    <message>
        <source>Timestamps that could not be read; the rows are kept with an empty time</source>
        <translation>Zeitstempel, die nicht gelesen werden konnten; die Zeilen bleiben mit leerer Zeit erhalten</translation>
    </message>
    <message>
        <source>Columns used as</source>
        <translation>Spalten verwendet als</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Day of week</source>
        <translation>Tag der Woche</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Kohorte</translation>
    </message>
    <message>
        <source>Cohort size</source>
        <translation>Kohortengröße</translation>
    </message>
    <message>
        <source>Periods later</source>
        <translation>Zeiträume später</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Users in segment</source>
        <translation>Nutzer im Segment</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Window (days)</source>
        <translation>Fenster (Tage)</translation>
    </message>
    <message>
        <source>Before: from</source>
        <translation>Vorher: von</translation>
    </message>
    <message>
        <source>Before: to</source>
        <translation>Vorher: bis</translation>
    </message>
    <message>
        <source>After: from</source>
        <translation>Nachher: von</translation>
    </message>
    <message>
        <source>After: to</source>
        <translation>Nachher: bis</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Voriger Zeitraum</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Series A</source>
        <translation>Reihe A</translation>
    </message>
    <message>
        <source>Series B</source>
        <translation>Reihe B</translation>
    </message>
    <message>
        <source>Users of series A</source>
        <translation>Nutzer von Reihe A</translation>
    </message>
    <message>
        <source>Users of series B</source>
        <translation>Nutzer von Reihe B</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Geglättet</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Nutzer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Vorkommen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Comments in period</source>
        <translation>Kommentare im Zeitraum</translation>
    </message>
    <message>
        <source>Comments in band</source>
        <translation>Kommentare in der Gruppe</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Average daily active users</source>
        <translation>Durchschnittlich täglich aktive Nutzer</translation>
    </message>
    <message>
        <source>Monthly active users</source>
        <translation>Monatlich aktive Nutzer</translation>
    </message>
    <message>
        <source>Stickiness (DAU/MAU)</source>
        <translation>Stickiness (DAU/MAU)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>Wiederkehrend</translation>
    </message>
    <message>
        <source>Resurrecting</source>
        <translation>Reaktiviert</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>Users with at least this many</source>
        <translation>Nutzer mit mindestens so vielen</translation>
    </message>
    <message>
        <source>Retained users</source>
        <translation>Gehaltene Nutzer</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Eingestiegen</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Konvertiert</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Konversionen</translation>
    </message>
    <message>
        <source>Paying users</source>
        <translation>Zahlende Nutzer</translation>
    </message>
    <message>
        <source>Active users so far</source>
        <translation>Bisher aktive Nutzer</translation>
    </message>
    <message>
        <source>Adopters so far</source>
        <translation>Bisherige Nutzer der Funktion</translation>
    </message>
    <message>
        <source>Users per variant</source>
        <translation>Nutzer je Variante</translation>
    </message>
    <message>
        <source>Users needed</source>
        <translation>Benötigte Nutzer</translation>
    </message>
    <message>
        <source>Weeks of new users</source>
        <translation>Wochen neuer Nutzer</translation>
    </message>
    <message>
        <source>Users involved</source>
        <translation>Betroffene Nutzer</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>Promotoren</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>Passive</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>Detraktoren</translation>
    </message>
    <message>
        <source>Sessions ended here</source>
        <translation>Hier beendete Sitzungen</translation>
    </message>
    <message>
        <source>Median events</source>
        <translation>Median der Ereignisse</translation>
    </message>
    <message>
        <source>Sum of property</source>
        <translation>Summe der Eigenschaft</translation>
    </message>
    <message>
        <source>Property values</source>
        <translation>Eigenschaftswerte</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Keine Zahl</translation>
    </message>
    <message>
        <source>Converted with it</source>
        <translation>Damit konvertiert</translation>
    </message>
    <message>
        <source>Dropped out with it</source>
        <translation>Damit ausgestiegen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Nächstes Ereignis</translation>
    </message>
    <message>
        <source>From event</source>
        <translation>Von Ereignis</translation>
    </message>
    <message>
        <source>To event</source>
        <translation>Zu Ereignis</translation>
    </message>
    <message>
        <source>From touchpoint</source>
        <translation>Von Touchpoint</translation>
    </message>
    <message>
        <source>To touchpoint</source>
        <translation>Zu Touchpoint</translation>
    </message>
    <message>
        <source>Top theme</source>
        <translation>Häufigstes Thema</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Share with at least this many</source>
        <translation>Anteil mit mindestens so vielen</translation>
    </message>
    <message>
        <source>Share of users</source>
        <translation>Anteil der Nutzer</translation>
    </message>
    <message>
        <source>Adoption rate</source>
        <translation>Nutzungsrate</translation>
    </message>
    <message>
        <source>Adoption rate so far</source>
        <translation>Bisherige Nutzungsrate</translation>
    </message>
    <message>
        <source>Conversion from previous step</source>
        <translation>Konversion ab vorigem Schritt</translation>
    </message>
    <message>
        <source>Conversion from first step</source>
        <translation>Konversion ab erstem Schritt</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>Konversionsrate</translation>
    </message>
    <message>
        <source>Retention rate</source>
        <translation>Retention-Rate</translation>
    </message>
    <message>
        <source>Share of sessions ended here</source>
        <translation>Anteil hier beendeter Sitzungen</translation>
    </message>
    <message>
        <source>Share of converted</source>
        <translation>Anteil der Konvertierten</translation>
    </message>
    <message>
        <source>Share of dropped out</source>
        <translation>Anteil der Ausgestiegenen</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Support rate</source>
        <translation>Support-Quote</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>Wiederholungsquote</translation>
    </message>
    <message>
        <source>Drop-off rate</source>
        <translation>Abbruchquote</translation>
    </message>
    <message>
        <source>Detractor share</source>
        <translation>Detraktorenanteil</translation>
    </message>
    <message>
        <source>Baseline rate</source>
        <translation>Ausgangsrate</translation>
    </message>
    <message>
        <source>Target rate</source>
        <translation>Zielrate</translation>
    </message>
    <message>
        <source>Relative effect</source>
        <translation>Relativer Effekt</translation>
    </message>
    <message>
        <source>Relative change</source>
        <translation>Relative Änderung</translation>
    </message>
    <message>
        <source>Pain score</source>
        <translation>Pain Score</translation>
    </message>
    <message>
        <source>Median time from previous step</source>
        <translation>Mediane Zeit ab vorigem Schritt</translation>
    </message>
    <message>
        <source>Median time from first step</source>
        <translation>Mediane Zeit ab erstem Schritt</translation>
    </message>
    <message>
        <source>Median duration</source>
        <translation>Mediane Dauer</translation>
    </message>
    <message>
        <source>Mean duration</source>
        <translation>Mittlere Dauer</translation>
    </message>
    <message>
        <source>Sessions per user</source>
        <translation>Sitzungen pro Nutzer</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>Pro Nutzer</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>25. Perzentil</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>Median (p50)</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>75. Perzentil</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <source>Under 10 s</source>
        <translation>Unter 10 s</translation>
    </message>
    <message>
        <source>10–30 s</source>
        <translation>10–30 s</translation>
    </message>
    <message>
        <source>30–60 s</source>
        <translation>30–60 s</translation>
    </message>
    <message>
        <source>Under 1 min</source>
        <translation>Unter 1 min</translation>
    </message>
    <message>
        <source>1–3 min</source>
        <translation>1–3 min</translation>
    </message>
    <message>
        <source>1–10 min</source>
        <translation>1–10 min</translation>
    </message>
    <message>
        <source>3–10 min</source>
        <translation>3–10 min</translation>
    </message>
    <message>
        <source>10–30 min</source>
        <translation>10–30 min</translation>
    </message>
    <message>
        <source>10–60 min</source>
        <translation>10–60 min</translation>
    </message>
    <message>
        <source>30 min or more</source>
        <translation>30 min oder mehr</translation>
    </message>
    <message>
        <source>1–24 h</source>
        <translation>1–24 h</translation>
    </message>
    <message>
        <source>1–7 days</source>
        <translation>1–7 Tage</translation>
    </message>
    <message>
        <source>7 days or more</source>
        <translation>7 Tage oder mehr</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Revenue per active user</source>
        <translation>Umsatz pro aktivem Nutzer</translation>
    </message>
    <message>
        <source>Revenue per paying user</source>
        <translation>Umsatz pro zahlendem Nutzer</translation>
    </message>
    <message>
        <source>Robust z-score</source>
        <translation>Robuster z-Wert</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>95% CI low</source>
        <translation>95-%-KI unten</translation>
    </message>
    <message>
        <source>95% CI high</source>
        <translation>95-%-KI oben</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Lift 95% CI low</source>
        <translation>Lift 95-%-KI unten</translation>
    </message>
    <message>
        <source>Lift 95% CI high</source>
        <translation>Lift 95-%-KI oben</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z-Wert</translation>
    </message>
    <message>
        <source>Odds ratio</source>
        <translation>Odds Ratio</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>p-value (Holm-adjusted)</source>
        <translation>p-Wert (Holm-bereinigt)</translation>
    </message>
    <message>
        <source>q-value (false discovery rate)</source>
        <translation>q-Wert (Falscherkennungsrate)</translation>
    </message>
    <message>
        <source>Significant</source>
        <translation>Signifikant</translation>
    </message>
    <message>
        <source>Mean before</source>
        <translation>Mittelwert vorher</translation>
    </message>
    <message>
        <source>Mean after</source>
        <translation>Mittelwert nachher</translation>
    </message>
</context>
<context>
    <name>ColumnType</name>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>yes-no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>ConditionRowWidget</name>
    <message>
        <source>Did an event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Funnel step</source>
        <translation>Funnel-Schritt</translation>
    </message>
    <message>
        <source>Listed users</source>
        <translation>Nutzerliste</translation>
    </message>
    <message>
        <source>in this order</source>
        <translation>in dieser Reihenfolge</translation>
    </message>
    <message>
        <source>directly one after another</source>
        <translation>direkt nacheinander</translation>
    </message>
    <message>
        <source>in any order</source>
        <translation>in beliebiger Reihenfolge</translation>
    </message>
    <message>
        <source>A day as YYYY-MM-DD (whole days, UTC); empty: from the start or to the end of the data</source>
        <translation>Ein Tag als JJJJ-MM-TT (ganze Tage, UTC); leer: ab dem Anfang bzw. bis zum Ende der Daten</translation>
    </message>
    <message>
        <source>Condition kind</source>
        <translation>Art der Bedingung</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Bedingung entfernen</translation>
    </message>
    <message>
        <source>{event} (not in the data)</source>
        <translation>{event} (nicht in den Daten)</translation>
    </message>
    <message>
        <source>values, comma-separated, e.g. {values}</source>
        <translation>Werte, durch Kommas getrennt, z. B. {values}</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>(any event)</source>
        <translation>(beliebiges Ereignis)</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>Erstes Ereignis</translation>
    </message>
    <message>
        <source>steps, comma-separated: signup, create_project, invite</source>
        <translation>Schritte, durch Kommas getrennt: signup, create_project, invite</translation>
    </message>
    <message>
        <source>Funnel steps</source>
        <translation>Funnel-Schritte</translation>
    </message>
    <message>
        <source>reached step</source>
        <translation>Schritt erreicht</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>ohne Zeitgrenze</translation>
    </message>
    <message>
        <source>within days</source>
        <translation>binnen Tagen</translation>
    </message>
    <message>
        <source>Order of the steps</source>
        <translation>Reihenfolge der Schritte</translation>
    </message>
    <message>
        <source>user ids, one per line</source>
        <translation>Nutzer-IDs, eine pro Zeile</translation>
    </message>
    <message>
        <source>User ids</source>
        <translation>Nutzer-IDs</translation>
    </message>
</context>
<context>
    <name>Confidence</name>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>DuckDB databases (*.duckdb *.ddb *.db);;All files (*)</source>
        <translation>DuckDB-Datenbanken (*.duckdb *.ddb *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>Connect to a warehouse</source>
        <translation>Mit einem Data Warehouse verbinden</translation>
    </message>
    <message>
        <source>Where the events are</source>
        <translation>Wo die Ereignisse liegen</translation>
    </message>
    <message>
        <source>{backend} file</source>
        <translation>{backend}-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a DuckDB database file; it is opened read-only</source>
        <translation>Eine DuckDB-Datenbankdatei wählen; sie wird nur lesend geöffnet</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Data Warehouse</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Table or view</source>
        <translation>Tabelle oder View</translation>
    </message>
    <message>
        <source>Query (one SELECT)</source>
        <translation>Abfrage (ein SELECT)</translation>
    </message>
    <message>
        <source>events, or schema.events</source>
        <translation>events oder schema.events</translation>
    </message>
    <message>
        <source>Preview {count} rows</source>
        <translation>Vorschau: {count} Zeilen</translation>
    </message>
    <message>
        <source>Read the first rows (LIMIT 100) to check them and map the columns</source>
        <translation>Die ersten Zeilen lesen (LIMIT 100), um sie zu prüfen und die Spalten zuzuordnen</translation>
    </message>
    <message>
        <source>Name a table or view, or write a query, then press “Preview {count} rows”: its first rows show here, to check them and say what the columns are.</source>
        <translation>Nennen Sie eine Tabelle oder View oder schreiben Sie eine Abfrage und drücken Sie dann „Vorschau: {count} Zeilen“: Ihre ersten Zeilen erscheinen hier, damit Sie sie prüfen und sagen können, was die Spalten sind.</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vorschau der ersten Zeilen</translation>
    </message>
    <message>
        <source>Preview (first {count} rows)</source>
        <translation>Vorschau (erste {count} Zeilen)</translation>
    </message>
    <message>
        <source>What the columns are</source>
        <translation>Was die Spalten sind</translation>
    </message>
    <message>
        <source>None: name the columns</source>
        <translation>Keins: Spalten benennen</translation>
    </message>
    <message>
        <source>A well-known export&apos;s schema fills the mapping; you can still change it</source>
        <translation>Das Schema eines bekannten Exports füllt die Zuordnung; Sie können sie weiterhin ändern</translation>
    </message>
    <message>
        <source>A column that orders one user&apos;s events at the same instant (a sequence number); without one, such events follow the order of their names</source>
        <translation>Eine Spalte, die die Ereignisse eines Nutzers im selben Augenblick ordnet (eine laufende Nummer); ohne sie folgen solche Ereignisse der Reihenfolge ihrer Namen</translation>
    </message>
    <message>
        <source>e.g. page_location, device.category, geo.country</source>
        <translation>z. B. page_location, device.category</translation>
    </message>
    <message>
        <source>What the known schema holds inside its records, kept for breakdowns, separated by commas: GA4&apos;s event parameters (page_location) and record fields (device.category), PostHog&apos;s property keys ($browser). The preview is read again with them.</source>
        <translation>Was das bekannte Schema in seinen Datensätzen enthält, für Aufschlüsselungen behalten, durch Kommas getrennt: die Ereignisparameter von GA4 (page_location) und Datensatzfelder (device.category), die Property-Schlüssel von PostHog ($browser). Die Vorschau wird damit erneut gelesen.</translation>
    </message>
    <message>
        <source>Known schema</source>
        <translation>Bekanntes Schema</translation>
    </message>
    <message>
        <source>Properties to keep</source>
        <translation>Zu behaltende Eigenschaften</translation>
    </message>
    <message>
        <source>Order at one instant</source>
        <translation>Reihenfolge im selben Augenblick</translation>
    </message>
    <message>
        <source>Source name</source>
        <translation>Name der Quelle</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>For example: {address}</source>
        <translation>Zum Beispiel: {address}</translation>
    </message>
    <message>
        <source>  (no password in the address: it is asked below when needed)</source>
        <translation>  (kein Passwort in der Adresse: es wird bei Bedarf unten abgefragt)</translation>
    </message>
    <message>
        <source>Open a DuckDB database</source>
        <translation>DuckDB-Datenbank öffnen</translation>
    </message>
    <message>
        <source>for {account}</source>
        <translation>für {account}</translation>
    </message>
    <message>
        <source>name the table or view to read (schema.table works too)</source>
        <translation>nennen Sie die Tabelle oder View, die gelesen werden soll (auch schema.table geht)</translation>
    </message>
    <message>
        <source>Reading the first rows from {address}</source>
        <translation>Die ersten Zeilen aus {address} werden gelesen</translation>
    </message>
    <message>
        <source>Asking the warehouse for its first {count} rows… (Cancel stops)</source>
        <translation>Das Data Warehouse wird nach den ersten {count} Zeilen gefragt… (Abbrechen stoppt)</translation>
    </message>
    <message>
        <source>The warehouse returned no rows for this table or query.</source>
        <translation>Das Warehouse hat für diese Tabelle oder Abfrage keine Zeilen geliefert.</translation>
    </message>
    <message>
        <source>Warehouse query</source>
        <translation>Warehouse-Abfrage</translation>
    </message>
    <message>
        <source>The address, table or query changed: preview again before adding the source.</source>
        <translation>Adresse, Tabelle oder Abfrage haben sich geändert: Lesen Sie die Vorschau erneut, bevor Sie die Quelle hinzufügen.</translation>
    </message>
    <message>
        <source>Choose the column for: {roles}.</source>
        <translation>Wählen Sie die Spalte für: {roles}.</translation>
    </message>
    <message>
        <source>This is not {schema}: it has no column {columns}.</source>
        <translation>Das ist nicht {schema}: Es fehlt die Spalte {columns}.</translation>
    </message>
    <message>
        <source>The first {count} rows are shown; analyses will run in the warehouse.</source>
        <translation>Die ersten {count} Zeilen werden angezeigt; Analysen laufen im Data Warehouse.</translation>
    </message>
    <message>
        <source>Preview stopped. Preview again, or Cancel to close.</source>
        <translation>Vorschau gestoppt. Lesen Sie die Vorschau erneut oder schließen Sie mit Abbrechen.</translation>
    </message>
</context>
<context>
    <name>DataChoiceDialog</name>
    <message>
        <source>Data to analyse</source>
        <translation>Zu analysierende Daten</translation>
    </message>
    <message>
        <source>Checked sources are analysed together: their rows are combined, and the column “{column}” tells them apart in breakdowns. Step 8 and the PDF use the same data.</source>
        <translation>Ausgewählte Quellen werden gemeinsam analysiert: Ihre Zeilen werden zusammengeführt, und die Spalte „{column}“ unterscheidet sie in Aufschlüsselungen. Schritt 8 und das PDF verwenden dieselben Daten.</translation>
    </message>
    <message>
        <source>{kind} sources to analyse</source>
        <translation>Zu analysierende Quellen: {kind}</translation>
    </message>
    <message>
        <source>in a warehouse</source>
        <translation>in einem Data Warehouse</translation>
    </message>
    <message>
        <source>Cannot be analysed: {reason} (map it in step 2).</source>
        <translation>Kann nicht analysiert werden: {reason} (in Schritt 2 zuordnen).</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Add more exports to this source (next month&apos;s, or several at once); rows that are already in it are counted once</source>
        <translation>Weitere Exporte zu dieser Quelle hinzufügen (den des nächsten Monats oder mehrere auf einmal); Zeilen, die schon darin sind, werden einmal gezählt</translation>
    </message>
    <message>
        <source>Load next month&apos;s export into this source: same columns, same roles and recipe</source>
        <translation>Den Export des nächsten Monats in diese Quelle laden: gleiche Spalten, gleiche Rollen und gleiches Rezept</translation>
    </message>
    <message>
        <source>This source is read in its warehouse: there is no file to refresh it from or add to it (Refresh in steps 2, 4 and 8 asks the warehouse again)</source>
        <translation>Diese Quelle wird in ihrem Data Warehouse gelesen: Es gibt keine Datei, aus der sie aktualisiert oder ergänzt werden kann (Aktualisieren in den Schritten 2, 4 und 8 fragt das Data Warehouse erneut)</translation>
    </message>
    <message>
        <source>Import your exports: an event log from your analytics tool (user, time, event), and optionally a customer table, survey answers and revenue. Drag a CSV or Excel file onto the window, or use Add source; events kept in a warehouse are read where they are with Connect to a warehouse.</source>
        <translation>Importieren Sie Ihre Exporte: ein Ereignisprotokoll aus Ihrem Analysetool (Nutzer, Zeit, Ereignis) und optional eine Kundentabelle, Umfrageantworten und Umsätze. Ziehen Sie eine CSV- oder Excel-Datei auf das Fenster oder nutzen Sie „Quelle hinzufügen“; Ereignisse in einem Data Warehouse werden mit „Data Warehouse verbinden“ dort gelesen, wo sie liegen.</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <source>Remove {count} sources</source>
        <translation>{count} Quellen entfernen</translation>
    </message>
    <message>
        <source>Imported sources</source>
        <translation>Importierte Quellen</translation>
    </message>
    <message>
        <source>No data yet. Use “Add source…” (or drop a file on the window) to import a CSV or Excel export: events from your analytics tool, customers from your CRM, survey answers, revenue.</source>
        <translation>Noch keine Daten. Nutzen Sie „Quelle hinzufügen…“ (oder ziehen Sie eine Datei auf das Fenster), um einen CSV- oder Excel-Export zu importieren: Ereignisse aus Ihrem Analysetool, Kunden aus Ihrem CRM, Umfrageantworten, Umsätze.</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>Quelle hinzufügen…</translation>
    </message>
    <message>
        <source>Connect to a warehouse…</source>
        <translation>Data Warehouse verbinden…</translation>
    </message>
    <message>
        <source>Read events where they are (PostgreSQL, ClickHouse, BigQuery, Snowflake, Databricks, Trino, a DuckDB file): analyses run in the warehouse</source>
        <translation>Ereignisse dort lesen, wo sie liegen (PostgreSQL, ClickHouse, BigQuery, Snowflake, Databricks, Trino, eine DuckDB-Datei): Analysen laufen im Data Warehouse</translation>
    </message>
    <message>
        <source>Password…</source>
        <translation>Passwort…</translation>
    </message>
    <message>
        <source>Type the warehouse&apos;s password again: for this session, or kept in the keychain (never in the project)</source>
        <translation>Das Passwort des Data Warehouse erneut eingeben: für diese Sitzung oder im Schlüsselbund aufbewahrt (nie im Projekt)</translation>
    </message>
    <message>
        <source>Change roles…</source>
        <translation>Rollen ändern…</translation>
    </message>
    <message>
        <source>Say again which column holds the user id, the time, the event …</source>
        <translation>Erneut angeben, welche Spalte die Nutzer-ID, die Zeit, das Ereignis … enthält</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Refresh from file…</source>
        <translation>Aus Datei aktualisieren…</translation>
    </message>
    <message>
        <source>Raw table</source>
        <translation>Rohtabelle</translation>
    </message>
    <message>
        <source>Refresh asks again</source>
        <translation>Aktualisieren fragt erneut</translation>
    </message>
    <message>
        <source>Checking how the sources join</source>
        <translation>Es wird geprüft, wie die Quellen zusammenpassen</translation>
    </message>
    <message>
        <source>Change roles of {source}</source>
        <translation>Rollen von {source} ändern</translation>
    </message>
    <message>
        <source>Reading the columns of {source}</source>
        <translation>Die Spalten von {source} werden gelesen</translation>
    </message>
    <message>
        <source>Select the source to refresh first.</source>
        <translation>Wählen Sie zuerst die Quelle, die aktualisiert werden soll.</translation>
    </message>
    <message>
        <source>Refresh from file</source>
        <translation>Aus Datei aktualisieren</translation>
    </message>
    <message>
        <source>{source} holds {count} exports. A refresh replaces all of them with one file; to add next month&apos;s export, use “Add files…” instead.

Replace them all?</source>
        <translation>{source} enthält {count} Exporte. Eine Aktualisierung ersetzt sie alle durch eine Datei; um den Export des nächsten Monats hinzuzufügen, nutzen Sie stattdessen „Dateien hinzufügen…“.

Alle ersetzen?</translation>
    </message>
    <message>
        <source>Refresh {source}</source>
        <translation>{source} aktualisieren</translation>
    </message>
    <message>
        <source>Refreshed {source} from {file}: {summary}. Its roles and cleaning recipe are kept.</source>
        <translation>{source} aus {file} aktualisiert: {summary}. Rollen und Bereinigungsrezept bleiben erhalten.</translation>
    </message>
    <message>
        <source>Refreshing {source}</source>
        <translation>{source} wird aktualisiert</translation>
    </message>
    <message>
        <source>Select the source to add files to first.</source>
        <translation>Wählen Sie zuerst die Quelle, zu der Dateien hinzugefügt werden sollen.</translation>
    </message>
    <message>
        <source>Add files to {source}</source>
        <translation>Dateien zu {source} hinzufügen</translation>
    </message>
    <message>
        <source>{count} file</source>
        <translation>{count} Datei</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} Dateien</translation>
    </message>
    <message>
        <source>Add {files} to {source}</source>
        <translation>{files} zu {source} hinzufügen</translation>
    </message>
    <message>
        <source>{source}: {summary}. Its roles and cleaning recipe apply to the whole table.</source>
        <translation>{source}: {summary}. Rollen und Bereinigungsrezept gelten für die ganze Tabelle.</translation>
    </message>
    <message>
        <source>Adding files to {source}</source>
        <translation>Dateien werden zu {source} hinzugefügt</translation>
    </message>
    <message>
        <source>a query</source>
        <translation>eine Abfrage</translation>
    </message>
    <message>
        <source>Events in {address} ({read}): these are the first {count} rows; analyses run in the warehouse.</source>
        <translation>Ereignisse in {address} ({read}): Dies sind die ersten {count} Zeilen; Analysen laufen im Data Warehouse.</translation>
    </message>
    <message>
        <source>The password of {account} is kept in the keychain.</source>
        <translation>Das Passwort für {account} wird im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>The password of {account} is used until UsageLens closes.</source>
        <translation>Das Passwort für {account} wird bis zum Beenden von UsageLens verwendet.</translation>
    </message>
    <message>
        <source>First rows of {source}</source>
        <translation>Erste Zeilen von {source}</translation>
    </message>
    <message>
        <source>Stored table of {source} — as imported, with {removed}</source>
        <translation>Gespeicherte Tabelle von {source} — wie importiert, mit {removed}</translation>
    </message>
    <message>
        <source>Raw table of {source} — as imported, never modified</source>
        <translation>Rohtabelle von {source} — wie importiert, nie verändert</translation>
    </message>
</context>
<context>
    <name>DataTableWidget</name>
    <message>
        <source>Filter rows…</source>
        <translation>Zeilen filtern…</translation>
    </message>
    <message>
        <source>Clear column filters</source>
        <translation>Spaltenfilter löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Filter {table}</source>
        <translation>{table} filtern</translation>
    </message>
    <message>
        <source>Column to filter in {table}</source>
        <translation>Zu filternde Spalte in {table}</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Alle Spalten</translation>
    </message>
    <message>
        <source>{count} row</source>
        <translation>{count} Zeile</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} Zeilen</translation>
    </message>
    <message>
        <source>Sorting and filtering {rows}…</source>
        <translation>{rows} werden sortiert und gefiltert…</translation>
    </message>
    <message>
        <source>{shown} of {rows}</source>
        <translation>{shown} von {rows}</translation>
    </message>
    <message>
        <source>{count} column filter</source>
        <translation>{count} Spaltenfilter</translation>
    </message>
    <message>
        <source>{count} column filters</source>
        <translation>{count} Spaltenfilter</translation>
    </message>
    <message>
        <source>Filter {column}… (contains “{text}”)</source>
        <translation>{column} filtern… (enthält „{text}“)</translation>
    </message>
    <message>
        <source>Filter {column}…</source>
        <translation>{column} filtern…</translation>
    </message>
    <message>
        <source>Clear filter of {column}</source>
        <translation>Filter von {column} löschen</translation>
    </message>
    <message>
        <source>Clear all column filters</source>
        <translation>Alle Spaltenfilter löschen</translation>
    </message>
    <message>
        <source>{column} contains…</source>
        <translation>{column} enthält…</translation>
    </message>
    <message>
        <source>Copied {count} row</source>
        <translation>{count} Zeile kopiert</translation>
    </message>
    <message>
        <source>Copied {count} rows</source>
        <translation>{count} Zeilen kopiert</translation>
    </message>
    <message>
        <source>{copied}: the first ones; export the table for all</source>
        <translation>{copied}: die ersten; exportieren Sie die Tabelle für alle</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Tabelle als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export table as Excel…</source>
        <translation>Tabelle als Excel exportieren…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Exporting {rows} to {file}…</source>
        <translation>{rows} werden nach {file} exportiert…</translation>
    </message>
    <message>
        <source>Exporting {file}</source>
        <translation>{file} wird exportiert</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>{file} konnte nicht geschrieben werden: {reason}</translation>
    </message>
</context>
<context>
    <name>EntityListWidget</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Toggle {column}</source>
        <translation>{Column} umschalten</translation>
    </message>
    <message>
        <source>Edit {column}</source>
        <translation>{Column} bearbeiten</translation>
    </message>
    <message>
        <source>Clear {column}</source>
        <translation>{Column} leeren</translation>
    </message>
</context>
<context>
    <name>EventStepsWidget</name>
    <message>
        <source>+ Step</source>
        <translation>+ Schritt</translation>
    </message>
    <message>
        <source>Add a step at the end</source>
        <translation>Einen Schritt am Ende hinzufügen</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Einen Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>Schritt {number}</translation>
    </message>
    <message>
        <source>Move this step up</source>
        <translation>Diesen Schritt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move up step {number}</source>
        <translation>Schritt {number} nach oben verschieben</translation>
    </message>
    <message>
        <source>Move this step down</source>
        <translation>Diesen Schritt nach unten verschieben</translation>
    </message>
    <message>
        <source>Move down step {number}</source>
        <translation>Schritt {number} nach unten verschieben</translation>
    </message>
    <message>
        <source>Remove this step</source>
        <translation>Diesen Schritt entfernen</translation>
    </message>
    <message>
        <source>Remove step {number}</source>
        <translation>Schritt {number} entfernen</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>{count} day</source>
        <translation>{count} Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tage</translation>
    </message>
    <message>
        <source>the warehouse results as of {time}</source>
        <translation>den Data-Warehouse-Ergebnissen vom {time}</translation>
    </message>
    <message>
        <source>today&apos;s data</source>
        <translation>den heutigen Daten</translation>
    </message>
    <message>
        <source>Re-computed on {basis}; this finding was pinned without a record of its numbers, so no comparison is possible.</source>
        <translation>Auf {basis} neu berechnet; diese Erkenntnis wurde ohne ihre Zahlen festgehalten, daher ist kein Vergleich möglich.</translation>
    </message>
    <message>
        <source>Same numbers as when the finding was pinned.</source>
        <translation>Dieselben Zahlen wie beim Festhalten der Erkenntnis.</translation>
    </message>
    <message>
        <source>The numbers changed since the finding was pinned ({before} → {after} rows): check that it still holds.</source>
        <translation>Die Zahlen haben sich seit dem Festhalten der Erkenntnis geändert ({before} → {after} Zeilen): Prüfen Sie, ob sie noch gilt.</translation>
    </message>
    <message>
        <source>The numbers changed since the finding was pinned: check that it still holds.</source>
        <translation>Die Zahlen haben sich seit dem Festhalten der Erkenntnis geändert: Prüfen Sie, ob sie noch gilt.</translation>
    </message>
    <message>
        <source>a deleted cohort</source>
        <translation>eine gelöschte Kohorte</translation>
    </message>
    <message>
        <source>{day}</source>
        <translation>{day}</translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <source>Revenue in different currencies is only added up with rates you enter here; a currency without a rate keeps its own rows and lines. The rates and their source are printed with every converted figure.</source>
        <translation>Umsätze in verschiedenen Währungen werden nur mit den hier eingegebenen Kursen addiert; eine Währung ohne Kurs behält ihre eigenen Zeilen und Linien. Die Kurse und ihre Quelle werden bei jeder umgerechneten Zahl angegeben.</translation>
    </message>
    <message>
        <source>Reporting currency</source>
        <translation>Berichtswährung</translation>
    </message>
    <message>
        <source>e.g. ECB reference rates, 28 June 2024</source>
        <translation>z. B. EZB-Referenzkurse, 28. Juni 2024</translation>
    </message>
    <message>
        <source>Where the rates are from</source>
        <translation>Woher die Kurse stammen</translation>
    </message>
    <message>
        <source>Report revenue &amp;in</source>
        <translation>Umsatz berichten &amp;in</translation>
    </message>
    <message>
        <source>Rates &amp;from</source>
        <translation>Kurse &amp;von</translation>
    </message>
    <message>
        <source>Clear rates</source>
        <translation>Kurse löschen</translation>
    </message>
    <message>
        <source>Forget every rate: revenue is shown per currency again</source>
        <translation>Alle Kurse vergessen: Umsätze werden wieder je Währung gezeigt</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>nicht eingegeben</translation>
    </message>
    <message>
        <source>Value of 1 {code} in {target}</source>
        <translation>Wert von 1 {code} in {target}</translation>
    </message>
    <message>
        <source>Edit exchange rates</source>
        <translation>Wechselkurse bearbeiten</translation>
    </message>
</context>
<context>
    <name>Exclusion</name>
    <message>
        <source>{count:,} user</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>{count:,} users</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>{count:,} event</source>
        <translation>{count:,} Ereignis</translation>
    </message>
    <message>
        <source>{count:,} events</source>
        <translation>{count:,} Ereignissen</translation>
    </message>
    <message>
        <source>{count:,} payment</source>
        <translation>{count:,} Zahlung</translation>
    </message>
    <message>
        <source>{count:,} payments</source>
        <translation>{count:,} Zahlungen</translation>
    </message>
    <message>
        <source>{count:,} answer</source>
        <translation>{count:,} Antwort</translation>
    </message>
    <message>
        <source>{count:,} answers</source>
        <translation>{count:,} Antworten</translation>
    </message>
    <message>
        <source>{count:,} row</source>
        <translation>{count:,} Zeile</translation>
    </message>
    <message>
        <source>{count:,} rows</source>
        <translation>{count:,} Zeilen</translation>
    </message>
    <message>
        <source>{users} ({share} of {total:,}) with {rows:,} of {all_rows} ({row_share})</source>
        <translation>{users} ({share} von {total:,}) mit {rows:,} von {all_rows} ({row_share})</translation>
    </message>
    <message>
        <source>{share} of the {code} revenue ({part:,.2f} of {total:,.2f} {code})</source>
        <translation>{share} des Umsatzes in {code} ({part:,.2f} von {total:,.2f} {code})</translation>
    </message>
    <message>
        <source>{share} of the revenue ({part:,.2f} of {total:,.2f})</source>
        <translation>{share} des Umsatzes ({part:,.2f} von {total:,.2f})</translation>
    </message>
    <message>
        <source>{who}, paying {money}.</source>
        <translation>{who}; sie zahlen {money}.</translation>
    </message>
    <message>
        <source>{who}.</source>
        <translation>{who}.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>“{name}” has {rows:,} rows; an Excel sheet holds {most:,}. Export it as CSV instead.</source>
        <translation>„{name}“ hat {rows:,} Zeilen; ein Excel-Blatt fasst {most:,}. Exportieren Sie stattdessen als CSV.</translation>
    </message>
    <message>
        <source>the table shows {rows:,} rows and an Excel sheet holds {most:,}. Filter it to fewer rows, or export it as CSV.</source>
        <translation>die Tabelle zeigt {rows:,} Zeilen, und ein Excel-Blatt fasst {most:,}. Filtern Sie sie auf weniger Zeilen oder exportieren Sie sie als CSV.</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
</context>
<context>
    <name>FeedbackPanelWidget</name>
    <message>
        <source>Survey comments</source>
        <translation>Umfragekommentare</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thema:</translation>
    </message>
    <message>
        <source>Cite in finding</source>
        <translation>In Erkenntnis zitieren</translation>
    </message>
    <message>
        <source>Add the selected comment to the quotes of the finding selected in “Findings”</source>
        <translation>Den ausgewählten Kommentar zu den Zitaten der unter „Erkenntnisse“ ausgewählten Erkenntnis hinzufügen</translation>
    </message>
    <message>
        <source>Cite it as plain evidence, as a testimonial (praise worth quoting to stakeholders) or as an improvement suggestion; testimonials and suggestions are counted in step 8</source>
        <translation>Als einfachen Beleg zitieren, als Erfahrungsbericht (Lob, das sich vor Stakeholdern zitieren lässt) oder als Verbesserungsvorschlag; Erfahrungsberichte und Vorschläge werden in Schritt 8 gezählt</translation>
    </message>
    <message>
        <source>as</source>
        <translation>als</translation>
    </message>
    <message>
        <source>Double-click a comment to cite it in the selected finding; right-click to cite it as a testimonial or an improvement suggestion</source>
        <translation>Doppelklicken Sie auf einen Kommentar, um ihn in der ausgewählten Erkenntnis zu zitieren; Rechtsklick, um ihn als Erfahrungsbericht oder Verbesserungsvorschlag zu zitieren</translation>
    </message>
    <message>
        <source>Add theme</source>
        <translation>Thema hinzufügen</translation>
    </message>
    <message>
        <source>Remove theme</source>
        <translation>Thema entfernen</translation>
    </message>
    <message>
        <source>Remove {count} themes</source>
        <translation>{count} Themen entfernen</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Neues Thema</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Start from common themes</source>
        <translation>Mit gängigen Themen beginnen</translation>
    </message>
    <message>
        <source>Crashes, price, exports, onboarding, reminders: edit them to fit</source>
        <translation>Abstürze, Preis, Exporte, Onboarding, Erinnerungen: passen Sie sie an</translation>
    </message>
    <message>
        <source>How often each theme comes up</source>
        <translation>Wie oft jedes Thema vorkommt</translation>
    </message>
    <message>
        <source>Select a theme to read all its comments on the left, and cite them from there</source>
        <translation>Wählen Sie ein Thema, um links alle seine Kommentare zu lesen und von dort zu zitieren</translation>
    </message>
    <message>
        <source>Counting feedback themes</source>
        <translation>Feedback-Themen werden gezählt</translation>
    </message>
    <message>
        <source>All comments ({count})</source>
        <translation>Alle Kommentare ({count})</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>sample quotes</source>
        <translation>Beispielzitate</translation>
    </message>
    <message>
        <source>No survey comments: import a feedback export with a comment column in step 2.</source>
        <translation>Keine Umfragekommentare: Importieren Sie in Schritt 2 einen Feedback-Export mit einer Kommentarspalte.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Cite in “{finding}”</source>
        <translation>In „{finding}“ zitieren</translation>
    </message>
    <message>
        <source>Cite as {mark}</source>
        <translation>Als {Mark} zitieren</translation>
    </message>
    <message>
        <source>Select a comment to cite.</source>
        <translation>Wählen Sie einen Kommentar zum Zitieren aus.</translation>
    </message>
    <message>
        <source>Select a finding in “Findings” to cite a comment in.</source>
        <translation>Wählen Sie unter „Erkenntnisse“ eine Erkenntnis aus, in der ein Kommentar zitiert werden soll.</translation>
    </message>
    <message>
        <source>That finding already cites this comment.</source>
        <translation>Diese Erkenntnis zitiert den Kommentar bereits.</translation>
    </message>
    <message>
        <source>Mark quote as {mark}</source>
        <translation>Zitat als {Mark} einordnen</translation>
    </message>
    <message>
        <source>Marked as {mark} in “{finding}”.</source>
        <translation>In „{finding}“ als {Mark} eingeordnet.</translation>
    </message>
    <message>
        <source>survey answer, score {score}</source>
        <translation>Umfrageantwort, Bewertung {score}</translation>
    </message>
    <message>
        <source>survey answer</source>
        <translation>Umfrageantwort</translation>
    </message>
    <message>
        <source>Cite a comment</source>
        <translation>Kommentar zitieren</translation>
    </message>
    <message>
        <source>{count} quote</source>
        <translation>{count} Zitat</translation>
    </message>
    <message>
        <source>{count} quotes</source>
        <translation>{count} Zitate</translation>
    </message>
    <message>
        <source>Cited in “{finding}” as {mark} ({quotes}).</source>
        <translation>In „{finding}“ als {Mark} zitiert ({quotes}).</translation>
    </message>
    <message>
        <source>Cited in “{finding}” ({quotes}).</source>
        <translation>In „{finding}“ zitiert ({quotes}).</translation>
    </message>
    <message>
        <source>Add common themes</source>
        <translation>Gängige Themen hinzufügen</translation>
    </message>
</context>
<context>
    <name>FileFormat</name>
    <message>
        <source>CSV or delimited text</source>
        <translation>CSV oder Text mit Trennzeichen</translation>
    </message>
    <message>
        <source>{count:,} CSV or text file</source>
        <translation>{count:,} CSV- oder Textdatei</translation>
    </message>
    <message>
        <source>{count:,} CSV or text files</source>
        <translation>{count:,} CSV- oder Textdateien</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>Arbeitsmappe</translation>
    </message>
    <message>
        <source>{count:,} workbook</source>
        <translation>{count:,} Arbeitsmappe</translation>
    </message>
    <message>
        <source>{count:,} workbooks</source>
        <translation>{count:,} Arbeitsmappen</translation>
    </message>
    <message>
        <source>JSON records</source>
        <translation>JSON-Datensätze</translation>
    </message>
    <message>
        <source>{count:,} JSON file</source>
        <translation>{count:,} JSON-Datei</translation>
    </message>
    <message>
        <source>{count:,} JSON files</source>
        <translation>{count:,} JSON-Dateien</translation>
    </message>
    <message>
        <source>Parquet</source>
        <translation>Parquet</translation>
    </message>
    <message>
        <source>{count:,} Parquet file</source>
        <translation>{count:,} Parquet-Datei</translation>
    </message>
    <message>
        <source>{count:,} Parquet files</source>
        <translation>{count:,} Parquet-Dateien</translation>
    </message>
    <message>
        <source>{format}, {files} read as one table</source>
        <translation>{format}, {files} als eine Tabelle gelesen</translation>
    </message>
    <message>
        <source>{format}, unpacked from {archive}</source>
        <translation>{format}, entpackt aus {archive}</translation>
    </message>
</context>
<context>
    <name>FindingDetailWidget</name>
    <message>
        <source>What the data shows</source>
        <translation>Was die Daten zeigen</translation>
    </message>
    <message>
        <source>What the data shows, in numbers a stakeholder can check, and why it matters…</source>
        <translation>Was die Daten zeigen, in Zahlen, die Stakeholder nachprüfen können, und warum es wichtig ist…</translation>
    </message>
    <message>
        <source>Edit what the data shows</source>
        <translation>Bearbeiten, was die Daten zeigen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Re-compute on current data</source>
        <translation>Auf aktuellen Daten neu berechnen</translation>
    </message>
    <message>
        <source>Run the pinned analysis again on today&apos;s data and compare the numbers</source>
        <translation>Die festgehaltene Analyse erneut auf den heutigen Daten ausführen und die Zahlen vergleichen</translation>
    </message>
    <message>
        <source>No chart was pinned with this finding.</source>
        <translation>Mit dieser Erkenntnis wurde kein Diagramm festgehalten.</translation>
    </message>
    <message>
        <source>Select a finding.</source>
        <translation>Wählen Sie eine Erkenntnis aus.</translation>
    </message>
    <message>
        <source>Written by hand: pin an analysis in step 4 to keep its settings with the finding.</source>
        <translation>Von Hand geschrieben: Halten Sie in Schritt 4 eine Analyse fest, um ihre Einstellungen mit der Erkenntnis zu speichern.</translation>
    </message>
    <message>
        <source>Re-computing…</source>
        <translation>Wird neu berechnet…</translation>
    </message>
    <message>
        <source>Re-computing “{finding}”</source>
        <translation>„{finding}“ wird neu berechnet</translation>
    </message>
    <message>
        <source>Re-compute asks again</source>
        <translation>Neu berechnen fragt erneut</translation>
    </message>
    <message>
        <source>Re-computed on the warehouse results as of {time}.</source>
        <translation>Auf den Data-Warehouse-Ergebnissen vom {time} neu berechnet.</translation>
    </message>
</context>
<context>
    <name>FindingKind</name>
    <message>
        <source>pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>pain point</source>
        <translation>Pain Point</translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation>Chance</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>New finding</source>
        <translation>Neue Erkenntnis</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Erkenntnis hinzufügen</translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation>Erkenntnis entfernen</translation>
    </message>
    <message>
        <source>Remove {count} findings</source>
        <translation>{count} Erkenntnisse entfernen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Write what you saw in the data and why it matters. Tie each finding to the objectives it affects.</source>
        <translation>Schreiben Sie auf, was Sie in den Daten gesehen haben und warum es wichtig ist. Verknüpfen Sie jede Erkenntnis mit den Zielen, die sie betrifft.</translation>
    </message>
    <message>
        <source>No findings yet. Pin one from a chart in step 4 (“Pin as finding”), or write one with “Add finding”.</source>
        <translation>Noch keine Erkenntnisse. Halten Sie eine aus einem Diagramm in Schritt 4 fest („Als Erkenntnis festhalten“) oder schreiben Sie eine mit „Erkenntnis hinzufügen“.</translation>
    </message>
    <message>
        <source>Objectives of the selected finding</source>
        <translation>Ziele der ausgewählten Erkenntnis</translation>
    </message>
    <message>
        <source>Hypotheses it speaks to</source>
        <translation>Hypothesen, zu denen sie etwas sagt</translation>
    </message>
    <message>
        <source>Customer feedback</source>
        <translation>Kundenfeedback</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Filtered: contains “{text}”</source>
        <translation>Gefiltert: enthält „{text}“</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>UsageLens help</source>
        <translation>UsageLens-Hilfe</translation>
    </message>
    <message>
        <source>Search the help</source>
        <translation>Hilfe durchsuchen</translation>
    </message>
    <message>
        <source>Pages that mention every word typed; Enter goes to the next match</source>
        <translation>Seiten, die jedes eingegebene Wort enthalten; Eingabe springt zum nächsten Treffer</translation>
    </message>
    <message>
        <source>Help contents</source>
        <translation>Inhalt der Hilfe</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Hilfeseite</translation>
    </message>
    <message>
        <source>No page mentions “{words}”.</source>
        <translation>Keine Seite erwähnt „{words}“.</translation>
    </message>
</context>
<context>
    <name>HypothesisStatus</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>supported</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>refuted</source>
        <translation>widerlegt</translation>
    </message>
</context>
<context>
    <name>Impact</name>
    <message>
        <source>{number} pts</source>
        <translation>{number} Pkt.</translation>
    </message>
    <message>
        <source>increase</source>
        <translation>Anstieg</translation>
    </message>
    <message>
        <source>decrease</source>
        <translation>Rückgang</translation>
    </message>
    <message>
        <source>no clear change</source>
        <translation>keine klare Änderung</translation>
    </message>
    <message>
        <source>too few data</source>
        <translation>zu wenige Daten</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>nicht messbar</translation>
    </message>
    <message>
        <source>{verdict}: {reason}</source>
        <translation>{verdict}: {reason}</translation>
    </message>
    <message>
        <source>gap of “{cohort}” to everyone else {before} → {after}</source>
        <translation>Abstand von „{cohort}“ zu allen anderen {before} → {after}</translation>
    </message>
    <message>
        <source>{count} day</source>
        <translation>{count} Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tage</translation>
    </message>
    <message>
        <source>{lead} ({change}, 95% CI {low} to {high}, {p}; {days} each side): {verdict}</source>
        <translation>{lead} ({change}, 95-%-KI {low} bis {high}, {p}; {days} je Seite): {verdict}</translation>
    </message>
    <message>
        <source>{verdict} ({change}, {p})</source>
        <translation>{verdict} ({change}, {p})</translation>
    </message>
    <message>
        <source>no release date yet</source>
        <translation>noch kein Veröffentlichungsdatum</translation>
    </message>
    <message>
        <source>no KPI bound to the action&apos;s objective</source>
        <translation>keine Kennzahl an das Ziel der Maßnahme gebunden</translation>
    </message>
    <message>
        <source>{days} days of data on the shorter side of the release; at least {needed} are needed on each side</source>
        <translation>{days} Tage Daten auf der kürzeren Seite der Veröffentlichung; mindestens {needed} sind je Seite nötig</translation>
    </message>
    <message>
        <source>the cohort of exposed users no longer exists: choose another one</source>
        <translation>die Kohorte der erreichten Nutzer gibt es nicht mehr: Wählen Sie eine andere</translation>
    </message>
    <message>
        <source>a control group compares KPIs measured on users&apos; events (active users, adoption, retention, conversion), not a survey or a metrics export</source>
        <translation>eine Kontrollgruppe vergleicht Kennzahlen, die an den Ereignissen der Nutzer gemessen werden (aktive Nutzer, Nutzung, Retention, Konversion), keine Umfrage und keinen Metrik-Export</translation>
    </message>
    <message>
        <source>a control group needs the events in the project</source>
        <translation>eine Kontrollgruppe braucht die Ereignisse im Projekt</translation>
    </message>
    <message>
        <source>everyone is in “{cohort}”, so there is no one to compare with</source>
        <translation>alle sind in „{cohort}“, daher gibt es niemanden zum Vergleichen</translation>
    </message>
    <message>
        <source>nobody is in “{cohort}”, so there is no one to compare with</source>
        <translation>niemand ist in „{cohort}“, daher gibt es niemanden zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>ImplementPage</name>
    <message>
        <source>Add action</source>
        <translation>Maßnahme hinzufügen</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Maßnahme entfernen</translation>
    </message>
    <message>
        <source>Remove {count} actions</source>
        <translation>{count} Maßnahmen entfernen</translation>
    </message>
    <message>
        <source>Status of the actions</source>
        <translation>Stand der Maßnahmen</translation>
    </message>
    <message>
        <source>Set an action to shipped and give its release date: the date appears on every time chart and the action&apos;s effect on its KPI is measured over the four weeks either side (against everyone else when it reached only a cohort: see Reached).</source>
        <translation>Setzen Sie eine Maßnahme auf ausgeliefert und geben Sie ihr Veröffentlichungsdatum an: Das Datum erscheint in jedem Zeitdiagramm, und die Wirkung der Maßnahme auf ihre Kennzahl wird über die vier Wochen davor und danach gemessen (gegen alle anderen, wenn sie nur eine Kohorte erreichte: siehe Erreicht).</translation>
    </message>
    <message>
        <source>No actions yet: plan them in step 6, then track them here.</source>
        <translation>Noch keine Maßnahmen: Planen Sie sie in Schritt 6 und verfolgen Sie sie dann hier.</translation>
    </message>
    <message>
        <source>Measured impact of the selected action</source>
        <translation>Gemessene Wirkung der ausgewählten Maßnahme</translation>
    </message>
    <message>
        <source>Chart: measured impact of the selected action</source>
        <translation>Diagramm: gemessene Wirkung der ausgewählten Maßnahme</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Add dated event</source>
        <translation>Datiertes Ereignis hinzufügen</translation>
    </message>
    <message>
        <source>Remove dated event</source>
        <translation>Datiertes Ereignis entfernen</translation>
    </message>
    <message>
        <source>Remove {count} dated events</source>
        <translation>{count} datierte Ereignisse entfernen</translation>
    </message>
    <message>
        <source>Other dated events (releases, outages, campaigns)</source>
        <translation>Weitere datierte Ereignisse (Releases, Ausfälle, Kampagnen)</translation>
    </message>
    <message>
        <source>No dated events yet: add releases, outages or campaigns to see them on every time chart.</source>
        <translation>Noch keine datierten Ereignisse: Fügen Sie Releases, Ausfälle oder Kampagnen hinzu, um sie in jedem Zeitdiagramm zu sehen.</translation>
    </message>
    <message>
        <source>(from its findings)</source>
        <translation>(aus ihren Erkenntnissen)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Measuring the impact of shipped actions</source>
        <translation>Wirkung ausgelieferter Maßnahmen wird gemessen</translation>
    </message>
    <message>
        <source>Refresh asks again</source>
        <translation>Aktualisieren fragt erneut</translation>
    </message>
    <message>
        <source>Select a shipped action with a release date to see its measured impact.</source>
        <translation>Wählen Sie eine ausgelieferte Maßnahme mit Veröffentlichungsdatum, um ihre gemessene Wirkung zu sehen.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <source>No impact measured yet.</source>
        <translation>Noch keine Wirkung gemessen.</translation>
    </message>
    <message>
        <source>its KPI</source>
        <translation>ihre Kennzahl</translation>
    </message>
    <message>
        <source>&lt;b&gt;{action}&lt;/b&gt; on &lt;i&gt;{kpi}&lt;/i&gt;, daily values: {impact}</source>
        <translation>&lt;b&gt;{action}&lt;/b&gt; auf &lt;i&gt;{kpi}&lt;/i&gt;, Tageswerte: {impact}</translation>
    </message>
    <message>
        <source>{kpi}: “{cohort}” minus everyone else</source>
        <translation>{kpi}: „{cohort}“ minus alle anderen</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>the user id</source>
        <translation>die Nutzer-ID</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>die Zeit</translation>
    </message>
    <message>
        <source>the event name</source>
        <translation>den Ereignisnamen</translation>
    </message>
    <message>
        <source>the score</source>
        <translation>die Bewertung</translation>
    </message>
    <message>
        <source>the comment</source>
        <translation>den Kommentar</translation>
    </message>
    <message>
        <source>the amount</source>
        <translation>den Betrag</translation>
    </message>
    <message>
        <source>the currency</source>
        <translation>die Währung</translation>
    </message>
    <message>
        <source>the signup date</source>
        <translation>das Registrierungsdatum</translation>
    </message>
    <message>
        <source>{name} has no column &apos;{column}&apos; for {role}; choose another column.</source>
        <translation>{name} hat keine Spalte „{column}“ für {role}; wählen Sie eine andere Spalte.</translation>
    </message>
    <message>
        <source>{name} has column names but no data rows.</source>
        <translation>{name} hat Spaltennamen, aber keine Datenzeilen.</translation>
    </message>
    <message>
        <source>Every date in &apos;{column}&apos; could be day first or month first (01/02/2024 is 1 February or 2 January): they are read day first. If that is wrong, change &apos;Dates&apos; above.</source>
        <translation>Jedes Datum in „{column}“ könnte mit dem Tag oder mit dem Monat beginnen (01/02/2024 ist der 1. Februar oder der 2. Januar): sie werden mit dem Tag zuerst gelesen. Falls das falsch ist, ändern Sie oben „Datumsangaben“.</translation>
    </message>
    <message>
        <source>Every date in &apos;{column}&apos; could be day first or month first (01/02/2024 is 1 February or 2 January): they are read month first. If that is wrong, change &apos;Dates&apos; above.</source>
        <translation>Jedes Datum in „{column}“ könnte mit dem Tag oder mit dem Monat beginnen (01/02/2024 ist der 1. Februar oder der 2. Januar): sie werden mit dem Monat zuerst gelesen. Falls das falsch ist, ändern Sie oben „Datumsangaben“.</translation>
    </message>
    <message>
        <source>Choose which column holds {role}.</source>
        <translation>Wählen Sie, welche Spalte {role} enthält.</translation>
    </message>
    <message>
        <source>Time column &apos;{column}&apos;: {reading}.</source>
        <translation>Zeitspalte „{column}“: {reading}.</translation>
    </message>
    <message>
        <source>&apos;{column}&apos;: {lost:,} of {present:,} values are not numbers and would be imported as blanks.</source>
        <translation>„{column}“: {lost:,} von {present:,} Werten sind keine Zahlen und würden als leer importiert.</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>Tag/Monat/Jahr</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>Monat/Tag/Jahr</translation>
    </message>
    <message>
        <source>day.month.year</source>
        <translation>Tag.Monat.Jahr</translation>
    </message>
    <message>
        <source>year/month/day</source>
        <translation>Jahr/Monat/Tag</translation>
    </message>
    <message>
        <source>dates with month names</source>
        <translation>Daten mit Monatsnamen</translation>
    </message>
    <message>
        <source>mixed formats</source>
        <translation>gemischte Formate</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>read as {formats}: {read:,} of {present:,}</source>
        <translation>gelesen als {formats}: {read:,} von {present:,}</translation>
    </message>
    <message>
        <source>{reading}; {failed:,} unreadable</source>
        <translation>{reading}; {failed:,} unlesbar</translation>
    </message>
    <message>
        <source>as {reading} they would fall in {years}</source>
        <translation>als {reading} fielen sie in {years}</translation>
    </message>
    <message>
        <source>Choose a column for: {roles}.</source>
        <translation>Wählen Sie eine Spalte für: {roles}.</translation>
    </message>
    <message>
        <source>{name} has no column {columns}.</source>
        <translation>{name} hat keine Spalte {columns}.</translation>
    </message>
    <message>
        <source>{before:,} → {after:,} rows</source>
        <translation>{before:,} → {after:,} Zeilen</translation>
    </message>
    <message>
        <source>new columns: {columns}</source>
        <translation>neue Spalten: {columns}</translation>
    </message>
    <message>
        <source>columns gone: {columns}</source>
        <translation>weggefallene Spalten: {columns}</translation>
    </message>
    <message>
        <source>{count:,} file</source>
        <translation>{count:,} Datei</translation>
    </message>
    <message>
        <source>{count:,} files</source>
        <translation>{count:,} Dateien</translation>
    </message>
    <message>
        <source>{count:,} row added from {files}</source>
        <translation>{count:,} Zeile aus {files} hinzugefügt</translation>
    </message>
    <message>
        <source>{count:,} rows added from {files}</source>
        <translation>{count:,} Zeilen aus {files} hinzugefügt</translation>
    </message>
    <message>
        <source>{count:,} row already in the source (same {key}) counted once</source>
        <translation>{count:,} Zeile war schon in der Quelle (gleich in {key}) und wird einmal gezählt</translation>
    </message>
    <message>
        <source>{count:,} rows already in the source (same {key}) counted once</source>
        <translation>{count:,} Zeilen waren schon in der Quelle (gleich in {key}) und werden einmal gezählt</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} ist leer.</translation>
    </message>
    <message>
        <source>{name} is password-protected; remove the password in Excel and export again.</source>
        <translation>{name} ist passwortgeschützt; entfernen Sie das Passwort in Excel und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete; download it again.</source>
        <translation>{name} ist beschädigt oder unvollständig; laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>{name} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>{name} has no data: it holds only separators and blank lines.</source>
        <translation>{name} enthält keine Daten: nur Trennzeichen und leere Zeilen.</translation>
    </message>
    <message>
        <source>CSV, Excel, JSON and Parquet exports (also as .gz or .zip)</source>
        <translation>CSV-, Excel-, JSON- und Parquet-Exporte (auch als .gz oder .zip)</translation>
    </message>
    <message>
        <source>{name} is a PDF document, not a data export; export the data from the tool that made it as CSV, Excel or JSON.</source>
        <translation>{name} ist ein PDF-Dokument, kein Datenexport; exportieren Sie die Daten aus dem Werkzeug, das es erstellt hat, als CSV, Excel oder JSON.</translation>
    </message>
    <message>
        <source>{name} is an image ({kind}), not a data export; export the data itself as CSV, Excel or JSON.</source>
        <translation>{name} ist ein Bild ({kind}), kein Datenexport; exportieren Sie die Daten selbst als CSV, Excel oder JSON.</translation>
    </message>
    <message>
        <source>{name} is a SQLite database; export the table you need as CSV (e.g. DB Browser for SQLite: File ▸ Export ▸ Table as CSV).</source>
        <translation>{name} ist eine SQLite-Datenbank; exportieren Sie die benötigte Tabelle als CSV (z. B. DB Browser for SQLite: Datei ▸ Exportieren ▸ Tabelle als CSV-Datei).</translation>
    </message>
    <message>
        <source>{name} is a {kind} archive, which UsageLens does not unpack; unpack it and import the files, or zip them.</source>
        <translation>{name} ist ein {kind}-Archiv, das UsageLens nicht entpackt; entpacken Sie es und importieren Sie die Dateien, oder packen Sie sie als ZIP.</translation>
    </message>
    <message>
        <source>an Apple Numbers file</source>
        <translation>eine Apple-Numbers-Datei</translation>
    </message>
    <message>
        <source>an Apple Pages document</source>
        <translation>ein Apple-Pages-Dokument</translation>
    </message>
    <message>
        <source>a Keynote presentation</source>
        <translation>eine Keynote-Präsentation</translation>
    </message>
    <message>
        <source>{name} is {what}; export it as CSV or Excel (in the app: File ▸ Export To).</source>
        <translation>{name} ist {what}; exportieren Sie es als CSV oder Excel (in der App: Ablage ▸ Exportieren).</translation>
    </message>
    <message>
        <source>{name} is a Google Sheets shortcut, not the data; open it in Google Sheets and download it as CSV or Excel (File ▸ Download).</source>
        <translation>{name} ist eine Google-Tabellen-Verknüpfung, nicht die Daten; öffnen Sie sie in Google Tabellen und laden Sie sie als CSV oder Excel herunter (Datei ▸ Herunterladen).</translation>
    </message>
    <message>
        <source>{name} is really a web page (HTML) saved with a {suffix} name; open it in Excel and save as .xlsx or CSV.</source>
        <translation>{name} ist eigentlich eine Webseite (HTML), gespeichert mit einem {suffix}-Namen; öffnen Sie sie in Excel und speichern Sie sie als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>einfachen</translation>
    </message>
    <message>
        <source>{name} is an Excel 2003 XML spreadsheet; open it in Excel and save as .xlsx or CSV.</source>
        <translation>{name} ist eine Excel-2003-XML-Tabelle; öffnen Sie sie in Excel und speichern Sie sie als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete; it is not a workbook Excel can open.</source>
        <translation>{name} ist beschädigt oder unvollständig; es ist keine Arbeitsmappe, die Excel öffnen kann.</translation>
    </message>
    <message>
        <source>{name} is not a file UsageLens reads; it imports {readable}.</source>
        <translation>{name} ist keine Datei, die UsageLens liest; es importiert {readable}.</translation>
    </message>
    <message>
        <source>{name} is not a Parquet file (it lacks Parquet&apos;s signature); export it again.</source>
        <translation>{name} ist keine Parquet-Datei (ihr fehlt die Parquet-Signatur); exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>{name} is a Word document, not a data export; export the data as CSV or Excel.</source>
        <translation>{name} ist ein Word-Dokument, kein Datenexport; exportieren Sie die Daten als CSV oder Excel.</translation>
    </message>
    <message>
        <source>{name} is a PowerPoint presentation, not a data export; export the data as CSV or Excel.</source>
        <translation>{name} ist eine PowerPoint-Präsentation, kein Datenexport; exportieren Sie die Daten als CSV oder Excel.</translation>
    </message>
    <message>
        <source>{name} is a folder; import the export files inside it, or zip the folder to import them as one source.</source>
        <translation>{name} ist ein Ordner; importieren Sie die Exportdateien darin, oder packen Sie den Ordner als ZIP, um sie als eine Quelle zu importieren.</translation>
    </message>
    <message>
        <source>{some} and {more}</source>
        <translation>{some} und {more}</translation>
    </message>
    <message>
        <source>{name} mixes kinds of files ({found}); a source is read from files of one kind, so zip each kind separately.</source>
        <translation>{name} mischt Dateiarten ({found}); eine Quelle wird aus Dateien einer Art gelesen, packen Sie also jede Art in ein eigenes ZIP.</translation>
    </message>
    <message>
        <source>{name} holds {count} workbooks; import them one at a time.</source>
        <translation>{name} enthält {count} Arbeitsmappen; importieren Sie sie einzeln.</translation>
    </message>
    <message>
        <source>{name} is too large to import on this computer.</source>
        <translation>{name} ist zu groß, um auf diesem Computer importiert zu werden.</translation>
    </message>
    <message>
        <source>{name} could not be read ({problem}); check that it is a CSV, Excel, JSON or Parquet export.</source>
        <translation>{name} konnte nicht gelesen werden ({problem}); prüfen Sie, ob es ein CSV-, Excel-, JSON- oder Parquet-Export ist.</translation>
    </message>
    <message>
        <source>{name} was not found; it may have been moved or deleted.</source>
        <translation>{name} wurde nicht gefunden; die Datei wurde vielleicht verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: permission denied.</source>
        <translation>{name} kann nicht geöffnet werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete; download or zip it again.</source>
        <translation>{name} ist beschädigt oder unvollständig; laden Sie es erneut herunter oder packen Sie es neu.</translation>
    </message>
    <message>
        <source>{name} holds no files.</source>
        <translation>{name} enthält keine Dateien.</translation>
    </message>
    <message>
        <source>{name} holds {count:,} files, more than the {most:,} UsageLens reads.</source>
        <translation>{name} enthält {count:,} Dateien, mehr als die {most:,}, die UsageLens liest.</translation>
    </message>
    <message>
        <source>{name} is password-protected; unzip it yourself and import the files inside.</source>
        <translation>{name} ist passwortgeschützt; entpacken Sie es selbst und importieren Sie die Dateien darin.</translation>
    </message>
    <message>
        <source>{name} is an archive inside an archive; unpack it and import the files inside.</source>
        <translation>{name} ist ein Archiv in einem Archiv; entpacken Sie es und importieren Sie die Dateien darin.</translation>
    </message>
    <message>
        <source>{name} is compressed in a way UsageLens cannot unpack; unzip it yourself and import the files.</source>
        <translation>{name} ist auf eine Weise komprimiert, die UsageLens nicht entpacken kann; entpacken Sie es selbst und importieren Sie die Dateien.</translation>
    </message>
    <message>
        <source>{name} is damaged; download or zip it again.</source>
        <translation>{name} ist beschädigt; laden Sie es erneut herunter oder packen Sie es neu.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {size} GB, more than one import holds; export a shorter date range.</source>
        <translation>{name} wird entpackt größer als {size} GB, mehr als ein Import fasst; exportieren Sie einen kürzeren Zeitraum.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {ratio} times its size, which no real export does; it was not read (it may be a decompression bomb).</source>
        <translation>{name} wird entpackt mehr als {ratio}-mal so groß, was kein echter Export tut; es wurde nicht gelesen (es könnte eine Dekompressionsbombe sein).</translation>
    </message>
    <message>
        <source>{name} has nothing from row {row} on.</source>
        <translation>{name} enthält ab Zeile {row} nichts.</translation>
    </message>
    <message>
        <source>Line {line} of {name} has {saw} values but the header has {expected} columns; check the delimiter and the header row.</source>
        <translation>Zeile {line} von {name} hat {saw} Werte, aber die Kopfzeile hat {expected} Spalten; prüfen Sie das Trennzeichen und die Kopfzeile.</translation>
    </message>
    <message>
        <source>{name} ends inside a quoted value; the file is probably cut off or has an unmatched quote.</source>
        <translation>{name} endet innerhalb eines Werts in Anführungszeichen; die Datei ist wahrscheinlich abgeschnitten oder hat ein Anführungszeichen ohne Gegenstück.</translation>
    </message>
    <message>
        <source>{name} could not be read as a table; check the delimiter and the header row.</source>
        <translation>{name} konnte nicht als Tabelle gelesen werden; prüfen Sie das Trennzeichen und die Kopfzeile.</translation>
    </message>
    <message>
        <source>Every sheet in {name} is empty.</source>
        <translation>Jedes Blatt in {name} ist leer.</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; in {name} is empty.</source>
        <translation>Das Blatt „{sheet}“ in {name} ist leer.</translation>
    </message>
    <message>
        <source>{name} has no sheets.</source>
        <translation>{name} hat keine Blätter.</translation>
    </message>
    <message>
        <source>{name} has no sheet named &apos;{sheet}&apos;.</source>
        <translation>{name} hat kein Blatt namens „{sheet}“.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete; open it in Excel and save it again.</source>
        <translation>{name} ist beschädigt oder unvollständig; öffnen Sie die Datei in Excel und speichern Sie sie erneut.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a text encoding UsageLens knows; pick one from the list or type a name such as shift_jis, cp1251, koi8-r, gb18030 or cp1250.</source>
        <translation>„{name}“ ist keine Textkodierung, die UsageLens kennt; wählen Sie eine aus der Liste oder geben Sie einen Namen wie shift_jis, cp1251, koi8-r, gb18030 oder cp1250 ein.</translation>
    </message>
    <message>
        <source>{name} does not look like a text table (it contains binary data).</source>
        <translation>{name} sieht nicht wie eine Texttabelle aus (es enthält Binärdaten).</translation>
    </message>
    <message>
        <source>{name} holds no records with values.</source>
        <translation>{name} enthält keine Datensätze mit Werten.</translation>
    </message>
    <message>
        <source>{name} ends before its JSON array is closed; the file is probably cut off.</source>
        <translation>{name} endet, bevor sein JSON-Array geschlossen ist; die Datei ist wahrscheinlich abgeschnitten.</translation>
    </message>
    <message>
        <source>{name} does not hold records: line {line} is a JSON list, not an object with named fields.</source>
        <translation>{name} enthält keine Datensätze: Zeile {line} ist eine JSON-Liste, kein Objekt mit benannten Feldern.</translation>
    </message>
    <message>
        <source>{name} does not hold records: line {line} is a JSON single value, not an object with named fields.</source>
        <translation>{name} enthält keine Datensätze: Zeile {line} ist ein einzelner JSON-Wert, kein Objekt mit benannten Feldern.</translation>
    </message>
    <message>
        <source>{name} is not valid JSON at line {line} ({problem}); the file may be cut off or not be JSON.</source>
        <translation>{name} ist in Zeile {line} kein gültiges JSON ({problem}); die Datei ist vielleicht abgeschnitten oder kein JSON.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete; export the Parquet file again.</source>
        <translation>{name} ist beschädigt oder unvollständig; exportieren Sie die Parquet-Datei erneut.</translation>
    </message>
    <message>
        <source>a zip archive or workbook</source>
        <translation>ein ZIP-Archiv oder eine Arbeitsmappe</translation>
    </message>
    <message>
        <source>not delimited text</source>
        <translation>kein Text mit Trennzeichen</translation>
    </message>
    <message>
        <source>gzipped without a .gz name</source>
        <translation>mit gzip gepackt, aber ohne die Endung .gz</translation>
    </message>
    <message>
        <source>encoded as {encoding}</source>
        <translation>in {encoding} kodiert</translation>
    </message>
    <message>
        <source>a header of several lines</source>
        <translation>eine Kopfzeile über mehrere Zeilen</translation>
    </message>
    <message>
        <source>no delimiter found</source>
        <translation>kein Trennzeichen gefunden</translation>
    </message>
    <message>
        <source>{name} could not be read by DuckDB: {problem}</source>
        <translation>{name} konnte von DuckDB nicht gelesen werden: {problem}</translation>
    </message>
    <message>
        <source>{name} is too big to read into memory, and its times in column &apos;{column}&apos; are not in the ISO 8601 form a file this big needs (like 2025-12-31 10:00:00 or 2025-12-31T10:00:00Z). Export them in that form, or import a shorter period.</source>
        <translation>{name} ist zu groß, um in den Arbeitsspeicher gelesen zu werden, und seine Zeiten in Spalte „{column}“ sind nicht in der ISO-8601-Form, die eine so große Datei braucht (wie 2025-12-31 10:00:00 oder 2025-12-31T10:00:00Z). Exportieren Sie sie in dieser Form oder importieren Sie einen kürzeren Zeitraum.</translation>
    </message>
    <message>
        <source>about {rows:,} rows in {columns:,} columns</source>
        <translation>etwa {rows:,} Zeilen in {columns:,} Spalten</translation>
    </message>
    <message>
        <source>about {rows:,} rows</source>
        <translation>etwa {rows:,} Zeilen</translation>
    </message>
    <message>
        <source>{rows:,} rows in {columns:,} columns</source>
        <translation>{rows:,} Zeilen in {columns:,} Spalten</translation>
    </message>
    <message>
        <source>{rows:,} rows</source>
        <translation>{rows:,} Zeilen</translation>
    </message>
    <message>
        <source>{name} has {size}: more than this project has room for ({room:,} of the {cells:,} cells a project file holds, about 25 million events in 8 columns). Import a shorter period or fewer columns, or analyse the whole file on the command line (usagelens analyze), which reads it where it lies.</source>
        <translation>{name} hat {size}: mehr, als in diesem Projekt Platz hat ({room:,} der {cells:,} Zellen, die eine Projektdatei fasst, etwa 25 Millionen Ereignisse in 8 Spalten). Importieren Sie einen kürzeren Zeitraum oder weniger Spalten, oder analysieren Sie die ganze Datei auf der Kommandozeile (usagelens analyze), die sie dort liest, wo sie liegt.</translation>
    </message>
    <message>
        <source>{name} cannot be refreshed on this computer: {columns} is pseudonymised with this project&apos;s key, which is not in this computer&apos;s keychain, so the new export&apos;s pseudonyms would not match. Import the file as a new source instead.</source>
        <translation>{name} kann auf diesem Computer nicht aktualisiert werden: {columns} ist mit dem Schlüssel dieses Projekts pseudonymisiert, der nicht im Schlüsselbund dieses Computers liegt, daher würden die Pseudonyme des neuen Exports nicht passen. Importieren Sie die Datei stattdessen als neue Quelle.</translation>
    </message>
    <message>
        <source>{problem} (A file this big is read by DuckDB, which cannot read this one: {reason}.)</source>
        <translation>{problem} (Eine so große Datei liest DuckDB, das diese nicht lesen kann: {reason}.)</translation>
    </message>
    <message>
        <source>{name} has no column &apos;{column}&apos; for {role}; export it with the columns of the first.</source>
        <translation>{name} hat keine Spalte „{column}“ für {role}; exportieren Sie die Datei mit den Spalten der ersten.</translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation>Unix-Sekunden</translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation>Unix-Millisekunden</translation>
    </message>
    <message>
        <source>Unix microseconds</source>
        <translation>Unix-Mikrosekunden</translation>
    </message>
    <message>
        <source>Unix nanoseconds</source>
        <translation>Unix-Nanosekunden</translation>
    </message>
    <message>
        <source>Excel serial dates</source>
        <translation>Excel-Datumszahlen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Day first (31/12/2024)</source>
        <translation>Tag zuerst (31/12/2024)</translation>
    </message>
    <message>
        <source>Month first (12/31/2024)</source>
        <translation>Monat zuerst (12/31/2024)</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>Senkrechter Strich (|)</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation>Wie die Datei gelesen wird</translation>
    </message>
    <message>
        <source>Pick the encoding the file was saved in, or type its name (e.g. euc-jp)</source>
        <translation>Wählen Sie die Kodierung, in der die Datei gespeichert wurde, oder geben Sie ihren Namen ein (z. B. euc-jp)</translation>
    </message>
    <message>
        <source>How dates like 01/02/2024 are read; Detect lets the values decide</source>
        <translation>Wie Daten wie 01/02/2024 gelesen werden; „Erkennen“ lässt die Werte entscheiden</translation>
    </message>
    <message>
        <source>Answer options on the next line</source>
        <translation>Antwortoptionen in der nächsten Zeile</translation>
    </message>
    <message>
        <source>Survey exports (SurveyMonkey) put each question&apos;s answer options under it</source>
        <translation>Umfrage-Exporte (SurveyMonkey) setzen die Antwortoptionen jeder Frage darunter</translation>
    </message>
    <message>
        <source>The line that holds the column names (1 = first line)</source>
        <translation>Die Zeile mit den Spaltennamen (1 = erste Zeile)</translation>
    </message>
    <message>
        <source>Point (1.5)</source>
        <translation>Punkt (1.5)</translation>
    </message>
    <message>
        <source>Comma (1,5)</source>
        <translation>Komma (1,5)</translation>
    </message>
    <message>
        <source>This file holds</source>
        <translation>Diese Datei enthält</translation>
    </message>
    <message>
        <source>Header on line</source>
        <translation>Kopfzeile in Zeile</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>Dezimalzeichen</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vorschau der ersten Zeilen</translation>
    </message>
    <message>
        <source>Preview (first rows)</source>
        <translation>Vorschau (erste Zeilen)</translation>
    </message>
    <message>
        <source>What the columns are</source>
        <translation>Was die Spalten sind</translation>
    </message>
    <message>
        <source>Pseudonymise or drop…</source>
        <translation>Pseudonymisieren oder weglassen…</translation>
    </message>
    <message>
        <source>Store pseudonyms instead of these values, or leave the columns out</source>
        <translation>Pseudonyme statt dieser Werte speichern oder die Spalten weglassen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>{name} wird gelesen</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Personal data in this file: {columns}.</source>
        <translation>Personenbezogene Daten in dieser Datei: {columns}.</translation>
    </message>
    <message>
        <source>{column} will be stored as pseudonyms (key in this computer&apos;s keychain)</source>
        <translation>{column} wird als Pseudonyme gespeichert (Schlüssel im Schlüsselbund dieses Computers)</translation>
    </message>
    <message>
        <source>{column} will be stored as one-way pseudonyms</source>
        <translation>{column} wird als Einweg-Pseudonyme gespeichert</translation>
    </message>
    <message>
        <source>{column} will not be stored</source>
        <translation>{column} wird nicht gespeichert</translation>
    </message>
    <message>
        <source>It is stored as it is unless you pseudonymise or drop it.</source>
        <translation>Sie werden unverändert gespeichert, sofern Sie sie nicht pseudonymisieren oder weglassen.</translation>
    </message>
    <message>
        <source>Score scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Choose the column for: {roles}.</source>
        <translation>Wählen Sie die Spalte für: {roles}.</translation>
    </message>
    <message>
        <source>{problem} Choose one-way pseudonyms instead.</source>
        <translation>{problem} Wählen Sie stattdessen Einweg-Pseudonyme.</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>{name} wird importiert</translation>
    </message>
    <message>
        <source>Reading stopped. Change a setting to read the file again, or Cancel to close.</source>
        <translation>Lesen angehalten. Ändern Sie eine Einstellung, um die Datei neu zu lesen, oder schließen Sie mit „Abbrechen“.</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was added to the project.</source>
        <translation>Import abgebrochen. Dem Projekt wurde nichts hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>JoinReport</name>
    <message>
        <source>How {customers} joins {events} could not be counted{where}: {problem}.</source>
        <translation>Wie {customers} mit {events} verknüpft ist, ließ sich{where} nicht zählen: {problem}.</translation>
    </message>
    <message>
        <source>{customers} joins {events} on the user id: {users:,} event users{where} and {customer_users:,} customers are too many to match here; a breakdown by a customer attribute counts only the event users that have a customer row.</source>
        <translation>{customers} ist über die Nutzer-ID mit {events} verknüpft: {users:,} Ereignis-Nutzer{where} und {customer_users:,} Kunden sind zu viele, um sie hier abzugleichen; eine Aufschlüsselung nach einem Kundenattribut zählt nur die Ereignis-Nutzer mit einer Kundenzeile.</translation>
    </message>
    <message>
        <source>{customers} joins {events} on the user id: {matched:,} of {users:,} event users{where} ({share:.1%}) have a customer row.</source>
        <translation>{customers} ist über die Nutzer-ID mit {events} verknüpft: {matched:,} von {users:,} Ereignis-Nutzern{where} ({share:.1%}) haben eine Kundenzeile.</translation>
    </message>
    <message>
        <source>No customer row for {count:,} event user</source>
        <translation>Keine Kundenzeile für {count:,} Ereignis-Nutzer</translation>
    </message>
    <message>
        <source>No customer row for {count:,} event users</source>
        <translation>Keine Kundenzeile für {count:,} Ereignis-Nutzer</translation>
    </message>
    <message>
        <source>no events for {count:,} customer</source>
        <translation>keine Ereignisse für {count:,} Kunden</translation>
    </message>
    <message>
        <source>no events for {count:,} customers</source>
        <translation>keine Ereignisse für {count:,} Kunden</translation>
    </message>
    <message>
        <source>{matched} {no_customer}{examples}; {no_events}{customer_examples}.</source>
        <translation>{matched} {no_customer}{examples}; {no_events}{customer_examples}.</translation>
    </message>
    <message>
        <source> (e.g. {ids})</source>
        <translation> (z. B. {ids})</translation>
    </message>
    <message>
        <source>in its warehouse</source>
        <translation>in seinem Warehouse</translation>
    </message>
</context>
<context>
    <name>KPI</name>
    <message>
        <source>day starting {day}</source>
        <translation>Tag ab {day}</translation>
    </message>
    <message>
        <source>week starting {day}</source>
        <translation>Woche ab {day}</translation>
    </message>
    <message>
        <source>month starting {day}</source>
        <translation>Monat ab {day}</translation>
    </message>
    <message>
        <source>{period} starting {day}</source>
        <translation>{period} ab {day}</translation>
    </message>
    <message>
        <source>active users, {basis}</source>
        <translation>aktive Nutzer, {basis}</translation>
    </message>
    <message>
        <source>adoption of {event}, {basis}</source>
        <translation>Nutzung von {event}, {basis}</translation>
    </message>
    <message>
        <source>all entries so far</source>
        <translation>alle bisherigen Einstiege</translation>
    </message>
    <message>
        <source>conversion of {count:,} users entering, {basis}</source>
        <translation>Konversion von {count:,} eingestiegenen Nutzern, {basis}</translation>
    </message>
    <message>
        <source>revenue per active user in {code}, {basis}</source>
        <translation>Umsatz pro aktivem Nutzer in {code}, {basis}</translation>
    </message>
    <message>
        <source>revenue per active user, {basis}</source>
        <translation>Umsatz pro aktivem Nutzer, {basis}</translation>
    </message>
    <message>
        <source>{name} of {count:,} answers</source>
        <translation>{name} aus {count:,} Antworten</translation>
    </message>
    <message>
        <source>Not measured</source>
        <translation>Nicht gemessen</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Day-{offset} retention</source>
        <translation>Tag-{offset}-Retention</translation>
    </message>
    <message>
        <source>Week-{offset} retention</source>
        <translation>Woche-{offset}-Retention</translation>
    </message>
    <message>
        <source>Month-{offset} retention</source>
        <translation>Monat-{offset}-Retention</translation>
    </message>
    <message>
        <source>in the last complete day</source>
        <translation>im letzten vollständigen Tag</translation>
    </message>
    <message>
        <source>in the last complete week</source>
        <translation>in der letzten vollständigen Woche</translation>
    </message>
    <message>
        <source>in the last complete month</source>
        <translation>im letzten vollständigen Monat</translation>
    </message>
    <message>
        <source>Daily active users</source>
        <translation>Täglich aktive Nutzer</translation>
    </message>
    <message>
        <source>Weekly active users</source>
        <translation>Wöchentlich aktive Nutzer</translation>
    </message>
    <message>
        <source>Monthly active users</source>
        <translation>Monatlich aktive Nutzer</translation>
    </message>
    <message>
        <source>Daily revenue per active user (ARPU)</source>
        <translation>Täglicher Umsatz pro aktivem Nutzer (ARPU)</translation>
    </message>
    <message>
        <source>Weekly revenue per active user (ARPU)</source>
        <translation>Wöchentlicher Umsatz pro aktivem Nutzer (ARPU)</translation>
    </message>
    <message>
        <source>Monthly revenue per active user (ARPU)</source>
        <translation>Monatlicher Umsatz pro aktivem Nutzer (ARPU)</translation>
    </message>
    <message>
        <source>{period} adoption of {event}</source>
        <translation>{period}e Nutzung von {event}</translation>
    </message>
    <message>
        <source>{offset} retention</source>
        <translation>{offset}-Retention</translation>
    </message>
    <message>
        <source> after {event}</source>
        <translation> nach {event}</translation>
    </message>
    <message>
        <source> (returning to {event})</source>
        <translation> (Rückkehr zu {event})</translation>
    </message>
    <message>
        <source>Funnel {steps} conversion within {days} days</source>
        <translation>Funnel {steps}: Konversion innerhalb von {days} Tagen</translation>
    </message>
    <message>
        <source>Funnel {steps} conversion, no time limit</source>
        <translation>Funnel {steps}: Konversion ohne Zeitgrenze</translation>
    </message>
    <message>
        <source>{period} {column} (metrics export)</source>
        <translation>{column} {period} (Metrik-Export)</translation>
    </message>
    <message>
        <source>Not measured: choose a metric in “Measured by” (step 1) so UsageLens can compute this KPI.</source>
        <translation>Nicht gemessen: Wählen Sie unter „Gemessen durch“ (Schritt 1) eine Metrik, damit UsageLens diese Kennzahl berechnen kann.</translation>
    </message>
    <message>
        <source>Distinct users with at least one event {last}.</source>
        <translation>Verschiedene Nutzer mit mindestens einem Ereignis {last}.</translation>
    </message>
    <message>
        <source>Share of the users active {last} who did {event} at least once in it.</source>
        <translation>Anteil der {last} aktiven Nutzer, die darin mindestens einmal {event} ausgeführt haben.</translation>
    </message>
    <message>
        <source>within {days} days of {event}</source>
        <translation>innerhalb von {days} Tagen nach {event}</translation>
    </message>
    <message>
        <source>at any time later</source>
        <translation>zu einem beliebigen späteren Zeitpunkt</translation>
    </message>
    <message>
        <source>Of the users who did {event} in the last day that has had time to convert, the share who reached {goal} {window}.</source>
        <translation>Von den Nutzern, die am letzten Tag mit genug Zeit zum Konvertieren {event} ausgeführt haben, der Anteil, der {goal} {window} erreicht hat.</translation>
    </message>
    <message>
        <source>Of the users who did {event} in the last week that has had time to convert, the share who reached {goal} {window}.</source>
        <translation>Von den Nutzern, die in der letzten Woche mit genug Zeit zum Konvertieren {event} ausgeführt haben, der Anteil, der {goal} {window} erreicht hat.</translation>
    </message>
    <message>
        <source>Of the users who did {event} in the last month that has had time to convert, the share who reached {goal} {window}.</source>
        <translation>Von den Nutzern, die im letzten Monat mit genug Zeit zum Konvertieren {event} ausgeführt haben, der Anteil, der {goal} {window} erreicht hat.</translation>
    </message>
    <message>
        <source>Net Promoter Score of all answers so far: % of 9–10 answers minus % of 0–6 answers (−100 to 100).</source>
        <translation>Net Promoter Score aller bisherigen Antworten: % der Antworten 9–10 minus % der Antworten 0–6 (−100 bis 100).</translation>
    </message>
    <message>
        <source>Customer satisfaction of all answers so far: the share of 4 and 5 answers on a 1–5 scale.</source>
        <translation>Kundenzufriedenheit aller bisherigen Antworten: der Anteil der Antworten 4 und 5 auf einer Skala von 1–5.</translation>
    </message>
    <message>
        <source>{trend}, {last} (a division by zero gives no value).</source>
        <translation>{trend}, {last} (eine Division durch null ergibt keinen Wert).</translation>
    </message>
    <message>
        <source>The metrics export&apos;s {column}, added up over the last complete day.</source>
        <translation>{column} des Metrik-Exports, summiert über den letzten vollständigen Tag.</translation>
    </message>
    <message>
        <source>The metrics export&apos;s {column}, added up over the last complete month.</source>
        <translation>{column} des Metrik-Exports, summiert über den letzten vollständigen Monat.</translation>
    </message>
    <message>
        <source>The metrics export&apos;s {column}, added up over the last complete week.</source>
        <translation>{column} des Metrik-Exports, summiert über die letzte vollständige Woche.</translation>
    </message>
    <message>
        <source>The revenue of the payments {last} divided by the users active in it, in one currency (enter exchange rates when customers pay in several).</source>
        <translation>Der Umsatz der Zahlungen {last}, geteilt durch die darin aktiven Nutzer, in einer Währung (geben Sie Wechselkurse ein, wenn Kunden in mehreren zahlen).</translation>
    </message>
    <message>
        <source>&apos;{metric}&apos; is not a metric UsageLens knows.</source>
        <translation>„{metric}“ ist keine Metrik, die UsageLens kennt.</translation>
    </message>
    <message>
        <source>&apos;{metric}&apos; is not a metric UsageLens knows</source>
        <translation>„{metric}“ ist keine Metrik, die UsageLens kennt</translation>
    </message>
</context>
<context>
    <name>KeptAsking</name>
    <message>
        <source>Not run: BigQuery estimates that it would scan about {size} ({again}).</source>
        <translation>Nicht ausgeführt: BigQuery schätzt, dass etwa {size} gelesen würden ({again}).</translation>
    </message>
</context>
<context>
    <name>KeptResultsWidget</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the warehouse again: these results are kept in the project and shown without a query until you refresh them.</source>
        <translation>Das Data Warehouse erneut abfragen: Diese Ergebnisse sind im Projekt gespeichert und werden ohne Abfrage angezeigt, bis Sie sie aktualisieren.</translation>
    </message>
    <message>
        <source>Results from {time} —</source>
        <translation>Ergebnisse vom {time} —</translation>
    </message>
    <message>
        <source>Not run —</source>
        <translation>Nicht ausgeführt —</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>This computer has no keychain UsageLens can use (on Linux it needs a Secret Service such as GNOME Keyring or KWallet), so no pseudonym key can be kept here.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, den UsageLens nutzen kann (unter Linux braucht es einen Secret Service wie GNOME Keyring oder KWallet), daher kann hier kein Pseudonym-Schlüssel aufbewahrt werden.</translation>
    </message>
    <message>
        <source>The keychain did not answer: {problem}</source>
        <translation>Der Schlüsselbund hat nicht geantwortet: {problem}</translation>
    </message>
    <message>
        <source>The keychain did not keep the key: {problem}</source>
        <translation>Der Schlüsselbund hat den Schlüssel nicht aufbewahrt: {problem}</translation>
    </message>
</context>
<context>
    <name>LinkListWidget</name>
    <message>
        <source>Select a row to link it.</source>
        <translation>Wählen Sie eine Zeile, um sie zu verknüpfen.</translation>
    </message>
    <message>
        <source>Nothing to link to yet.</source>
        <translation>Noch nichts zum Verknüpfen.</translation>
    </message>
    <message>
        <source>Change links</source>
        <translation>Verknüpfungen ändern</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>UsageLens projects (*{suffix})</source>
        <translation>UsageLens-Projekte (*{suffix})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Project p&amp;roperties…</source>
        <translation>Projekt&amp;eigenschaften…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>Daten &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a fo&amp;lder of exports…</source>
        <translation>&amp;Ordner mit Exporten importieren…</translation>
    </message>
    <message>
        <source>Connect to a &amp;warehouse…</source>
        <translation>Mit einem Data &amp;Warehouse verbinden…</translation>
    </message>
    <message>
        <source>Re&amp;fresh source from file…</source>
        <translation>Quelle aus Datei &amp;aktualisieren…</translation>
    </message>
    <message>
        <source>&amp;Export PDF summary…</source>
        <translation>PDF-Zusammenfassung e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>Zusammenfassung &amp;drucken…</translation>
    </message>
    <message>
        <source>Export &amp;tables to Excel…</source>
        <translation>&amp;Tabellen nach Excel exportieren…</translation>
    </message>
    <message>
        <source>Reopen the last project at start</source>
        <translation>Beim Start das letzte Projekt wieder öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Help for this step</source>
        <translation>&amp;Hilfe zu diesem Schritt</translation>
    </message>
    <message>
        <source>The 8-step &amp;method</source>
        <translation>Die 8-Schritte-&amp;Methode</translation>
    </message>
    <message>
        <source>&amp;Metric definitions</source>
        <translation>&amp;Definitionen der Kennzahlen</translation>
    </message>
    <message>
        <source>&amp;Import formats</source>
        <translation>&amp;Importformate</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Willkommensseite</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>Ü&amp;ber {app}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to {name} before closing it?</source>
        <translation>Änderungen an {name} vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Opening {name}</source>
        <translation>{name} wird geöffnet</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Pseudonym key</source>
        <translation>Pseudonym-Schlüssel</translation>
    </message>
    <message>
        <source>Recovering unsaved work</source>
        <translation>Ungespeicherte Arbeit wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Cannot recover the unsaved work</source>
        <translation>Die ungespeicherte Arbeit kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>UsageLens is still reading or writing a project; try again in a moment.</source>
        <translation>UsageLens liest oder schreibt noch ein Projekt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>{name} is no longer at {folder}.</source>
        <translation>{name} liegt nicht mehr in {folder}.</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Name the project</source>
        <translation>Projekt benennen</translation>
    </message>
    <message>
        <source>Saving {name}</source>
        <translation>{name} wird gespeichert</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <source>Autosaving</source>
        <translation>Automatisches Speichern</translation>
    </message>
    <message>
        <source>Autosave failed; save your work with Ctrl+S.</source>
        <translation>Automatisches Speichern fehlgeschlagen; speichern Sie Ihre Arbeit mit Strg+S.</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} importieren</translation>
    </message>
    <message>
        <source>Connect {name}</source>
        <translation>{name} verbinden</translation>
    </message>
    <message>
        <source>Import a folder of exports</source>
        <translation>Ordner mit Exporten importieren</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>{folder} holds no CSV, Excel, JSON or Parquet export.</source>
        <translation>{folder} enthält keinen CSV-, Excel-, JSON- oder Parquet-Export.</translation>
    </message>
    <message>
        <source>{name} was not opened: one project is open at a time.</source>
        <translation>{name} wurde nicht geöffnet: Es ist immer nur ein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>{name} was not imported: {project} was not opened.</source>
        <translation>{name} wurde nicht importiert: {project} wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>{count} file</source>
        <translation>{count} Datei</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} Dateien</translation>
    </message>
    <message>
        <source>{files} not imported</source>
        <translation>Nicht importiert: {files}</translation>
    </message>
    <message>
        <source>Preparing the summary</source>
        <translation>Zusammenfassung wird vorbereitet</translation>
    </message>
    <message>
        <source>Cannot build the summary</source>
        <translation>Die Zusammenfassung kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>export or print again to be asked again</source>
        <translation>erneut exportieren oder drucken, um wieder gefragt zu werden</translation>
    </message>
    <message>
        <source>Export PDF summary</source>
        <translation>PDF-Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Export tables</source>
        <translation>Tabellen exportieren</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot write the workbook</source>
        <translation>Die Arbeitsmappe kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exported {name} ({sheets})</source>
        <translation>{name} exportiert ({sheets})</translation>
    </message>
    <message>
        <source>{count} sheet</source>
        <translation>{count} Tabellenblatt</translation>
    </message>
    <message>
        <source>{count} sheets</source>
        <translation>{count} Tabellenblätter</translation>
    </message>
    <message>
        <source>Cannot write the PDF</source>
        <translation>Das PDF kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exported {name} ({pages})</source>
        <translation>{name} exportiert ({pages})</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>{count} Seite</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} Seiten</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Zusammenfassung drucken</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Revenue in {codes} converted to {currency} at the project&apos;s exchange rates: {rates}{note}.</source>
        <translation>Umsatz in {codes}, zu den Wechselkursen des Projekts in {currency} umgerechnet: {rates}{note}.</translation>
    </message>
    <message>
        <source>All revenue is in {code}.</source>
        <translation>Der gesamte Umsatz ist in {code}.</translation>
    </message>
    <message>
        <source> (no rate into {currency} for {codes})</source>
        <translation> (kein Kurs nach {currency} für {codes})</translation>
    </message>
    <message>
        <source>Revenue comes in {count} currencies ({codes}) and is never added up across them{missing}.</source>
        <translation>Der Umsatz kommt in {count} Währungen ({codes}) und wird nie über sie hinweg addiert{missing}.</translation>
    </message>
</context>
<context>
    <name>ObjectiveStatus</name>
    <message>
        <source>target reached</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>gefährdet</translation>
    </message>
    <message>
        <source>off track</source>
        <translation>vom Kurs ab</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>not measurable yet</source>
        <translation>noch nicht messbar</translation>
    </message>
</context>
<context>
    <name>ObjectivesPage</name>
    <message>
        <source>New objective</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Add objective</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Remove objective</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <source>Remove {count} objectives</source>
        <translation>{count} Ziele entfernen</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>A measurable objective names a KPI, binds it to a metric and sets a target and deadline.</source>
        <translation>Ein messbares Ziel nennt eine Kennzahl, verknüpft sie mit einer Metrik und legt Zielwert und Frist fest.</translation>
    </message>
    <message>
        <source>No objectives yet. Start with “Add objective”: what should change for customers, which number shows it, where it is now and where it should be by when.</source>
        <translation>Noch keine Ziele. Beginnen Sie mit „Ziel hinzufügen“: Was soll sich für Kunden ändern, welche Zahl zeigt es, wo steht sie jetzt und wo soll sie bis wann stehen?</translation>
    </message>
    <message>
        <source>We believe that …</source>
        <translation>Wir glauben, dass …</translation>
    </message>
    <message>
        <source>Add hypothesis</source>
        <translation>Hypothese hinzufügen</translation>
    </message>
    <message>
        <source>Remove hypothesis</source>
        <translation>Hypothese entfernen</translation>
    </message>
    <message>
        <source>Remove {count} hypotheses</source>
        <translation>{count} Hypothesen entfernen</translation>
    </message>
    <message>
        <source>Hypotheses of the selected objective</source>
        <translation>Hypothesen des ausgewählten Ziels</translation>
    </message>
    <message>
        <source>No hypotheses yet: what do you believe drives this objective? Step 5&apos;s findings can then support or refute each one.</source>
        <translation>Noch keine Hypothesen: Was treibt dieses Ziel Ihrer Meinung nach an? Die Erkenntnisse aus Schritt 5 können dann jede bestätigen oder widerlegen.</translation>
    </message>
    <message>
        <source>Baseline from data</source>
        <translation>Ausgangswert aus Daten</translation>
    </message>
    <message>
        <source>Measure the bound KPI on the data up to a day you confirm and use it as the baseline</source>
        <translation>Die verknüpfte Kennzahl auf den Daten bis zu einem Tag messen, den Sie bestätigen, und als Ausgangswert verwenden</translation>
    </message>
    <message>
        <source>Finding the last day of data</source>
        <translation>Letzter Tag der Daten wird ermittelt</translation>
    </message>
    <message>
        <source>Measure “{kpi}” on the data up to the end of this day (later events and answers are left out):</source>
        <translation>„{kpi}“ auf den Daten bis zum Ende dieses Tages messen (spätere Ereignisse und Antworten bleiben außen vor):</translation>
    </message>
    <message>
        <source>Measuring the baseline</source>
        <translation>Ausgangswert wird gemessen</translation>
    </message>
    <message>
        <source>Baseline from data asks again</source>
        <translation>Ausgangswert aus Daten fragt erneut</translation>
    </message>
    <message>
        <source>No baseline could be measured: {reason}.</source>
        <translation>Es ließ sich kein Ausgangswert messen: {reason}.</translation>
    </message>
    <message>
        <source>Set baseline</source>
        <translation>Ausgangswert setzen</translation>
    </message>
    <message>
        <source>Set baseline date</source>
        <translation>Datum des Ausgangswerts setzen</translation>
    </message>
    <message>
        <source>Baseline measured on the data up to {day}: {basis}.</source>
        <translation>Ausgangswert auf den Daten bis {day} gemessen: {basis}.</translation>
    </message>
    <message>
        <source>Warehouse results as of {time}.</source>
        <translation>Ergebnisse aus dem Data Warehouse vom {time}.</translation>
    </message>
    <message>
        <source>The events in the warehouse were not listed for KPIs: BigQuery estimates that listing them would scan about {size}, so the KPIs offer the events of the rows kept in the project.</source>
        <translation>Die Ereignisse im Data Warehouse wurden nicht für Kennzahlen aufgelistet: BigQuery schätzt, dass ihre Auflistung etwa {size} lesen würde, daher bieten die Kennzahlen die Ereignisse der im Projekt gespeicherten Zeilen an.</translation>
    </message>
    <message>
        <source>Reading the events in the warehouse</source>
        <translation>Ereignisse im Data Warehouse werden gelesen</translation>
    </message>
    <message>
        <source>The events in the warehouse could not be listed for KPIs: {problem}</source>
        <translation>Die Ereignisse im Data Warehouse ließen sich nicht für Kennzahlen auflisten: {problem}</translation>
    </message>
    <message>
        <source>To make every objective measurable: {attention} — fill in the KPI and target.</source>
        <translation>Damit jedes Ziel messbar wird: {attention} — tragen Sie Kennzahl und Zielwert ein.</translation>
    </message>
    <message>
        <source>Start by adding an objective: what should change, and how will you know?</source>
        <translation>Fügen Sie zuerst ein Ziel hinzu: Was soll sich ändern, und woran werden Sie es erkennen?</translation>
    </message>
</context>
<context>
    <name>ParamPanelWidget</name>
    <message>
        <source>Nothing to set: this analysis uses all the data.</source>
        <translation>Nichts einzustellen: Diese Analyse nutzt alle Daten.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>This computer has no keychain UsageLens can use (on Linux: GNOME Keyring or KWallet), so the password is kept only until UsageLens closes.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, den UsageLens nutzen kann (unter Linux: GNOME Keyring oder KWallet), daher wird das Passwort nur bis zum Beenden von UsageLens behalten.</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Keep the password in this computer&apos;s keychain for next time</source>
        <translation>Das Passwort für das nächste Mal im Schlüsselbund dieses Computers aufbewahren</translation>
    </message>
    <message>
        <source>Warehouse password</source>
        <translation>Passwort des Data Warehouse</translation>
    </message>
    <message>
        <source>The password of user {user} for {where}. It is never written into the project.</source>
        <translation>Das Passwort des Nutzers {user} für {where}. Es wird nie in das Projekt geschrieben.</translation>
    </message>
    <message>
        <source>The password of your login for {where}. It is never written into the project.</source>
        <translation>Das Passwort Ihrer Anmeldung für {where}. Es wird nie in das Projekt geschrieben.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>The rows of {analysis} are not groups of users, so there is nobody to list.</source>
        <translation>Die Zeilen von {analysis} sind keine Nutzergruppen, daher gibt es niemanden aufzulisten.</translation>
    </message>
    <message>
        <source>Active in {period}</source>
        <translation>Aktiv in {period}</translation>
    </message>
    <message>
        <source>Active on exactly {count} day of {period}</source>
        <translation>An genau {count} Tag in {period} aktiv</translation>
    </message>
    <message>
        <source>Active on exactly {count} days of {period}</source>
        <translation>An genau {count} Tagen in {period} aktiv</translation>
    </message>
    <message>
        <source>Active on {count} day or more of {period}</source>
        <translation>An {count} Tag oder mehr in {period} aktiv</translation>
    </message>
    <message>
        <source>Active on {count} days or more of {period}</source>
        <translation>An {count} Tagen oder mehr in {period} aktiv</translation>
    </message>
    <message>
        <source>Entered {event} in {period}</source>
        <translation>In {period} mit {event} eingestiegen</translation>
    </message>
    <message>
        <source>{entered} and reached {event}</source>
        <translation>{entered} und {event} erreicht</translation>
    </message>
    <message>
        <source>Reached step {step} ({event})</source>
        <translation>Schritt {step} ({event}) erreicht</translation>
    </message>
    <message>
        <source>Reached {event}, not {next}; did nothing later</source>
        <translation>{event} erreicht, nicht {next}; danach nichts mehr getan</translation>
    </message>
    <message>
        <source>Reached {event}, not {next}; next did {did}</source>
        <translation>{event} erreicht, nicht {next}; als Nächstes {did} ausgeführt</translation>
    </message>
    <message>
        <source>Did {event}</source>
        <translation>{event} ausgeführt</translation>
    </message>
    <message>
        <source>Did {event} in the date range</source>
        <translation>{event} im Zeitraum ausgeführt</translation>
    </message>
    <message>
        <source>Started a session in {period}</source>
        <translation>In {period} eine Sitzung begonnen</translation>
    </message>
    <message>
        <source>Dropped at step {step} (reached step {previous}, not {event})</source>
        <translation>Bei Schritt {step} ausgestiegen (Schritt {previous} erreicht, nicht {event})</translation>
    </message>
    <message>
        <source>{segment}: did {event} in the date range</source>
        <translation>{segment}: {event} im Zeitraum ausgeführt</translation>
    </message>
    <message>
        <source>Everyone in {segment}</source>
        <translation>Alle in {segment}</translation>
    </message>
    <message>
        <source>{step}: an error, support contact or repeat there, or dropped off there</source>
        <translation>{step}: dort ein Fehler, Support-Kontakt oder eine Wiederholung, oder dort ausgestiegen</translation>
    </message>
    <message>
        <source>{step}: did the step in the date range</source>
        <translation>{step}: den Schritt im Zeitraum ausgeführt</translation>
    </message>
    <message>
        <source>Variant {variant}: in the experiment</source>
        <translation>Variante {variant}: im Experiment</translation>
    </message>
    <message>
        <source>Variant {variant}: converted</source>
        <translation>Variante {variant}: konvertiert</translation>
    </message>
    <message>
        <source>the day of {day}</source>
        <translation>dem Tag {day}</translation>
    </message>
    <message>
        <source>the week of {day}</source>
        <translation>der Woche vom {day}</translation>
    </message>
    <message>
        <source>the month of {day}</source>
        <translation>dem Monat ab {day}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: back in day {offset}</source>
        <translation>Kohorte vom {cohort}: zurück an Tag {offset}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: not back in day {offset}</source>
        <translation>Kohorte vom {cohort}: nicht zurück an Tag {offset}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: back in week {offset}</source>
        <translation>Kohorte vom {cohort}: zurück in Woche {offset}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: not back in week {offset}</source>
        <translation>Kohorte vom {cohort}: nicht zurück in Woche {offset}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: back in month {offset}</source>
        <translation>Kohorte vom {cohort}: zurück in Monat {offset}</translation>
    </message>
    <message>
        <source>Cohort of {cohort}: not back in month {offset}</source>
        <translation>Kohorte vom {cohort}: nicht zurück in Monat {offset}</translation>
    </message>
    <message>
        <source>Reached {event} and did {feature} in the date range</source>
        <translation>{event} erreicht und {feature} im Zeitraum ausgeführt</translation>
    </message>
    <message>
        <source>Dropped out before {event} and did {feature} in the date range</source>
        <translation>Vor {event} ausgestiegen und {feature} im Zeitraum ausgeführt</translation>
    </message>
    <message>
        <source>Reached {event}, with {feature}</source>
        <translation>{event} erreicht, mit {feature}</translation>
    </message>
    <message>
        <source>Dropped out before {event}, with {feature}</source>
        <translation>Vor {event} ausgestiegen, mit {feature}</translation>
    </message>
    <message>
        <source>Nobody is in “{label}” any more: compute the analysis again.</source>
        <translation>In „{label}“ ist niemand mehr: Berechnen Sie die Analyse neu.</translation>
    </message>
    <message>
        <source>Nobody is in variant “{variant}” any more: compute the analysis again.</source>
        <translation>In Variante „{variant}“ ist niemand mehr: Berechnen Sie die Analyse neu.</translation>
    </message>
    <message>
        <source>Nobody took “{path}” any more: compute the analysis again.</source>
        <translation>Niemand hat „{path}“ mehr genommen: Berechnen Sie die Analyse neu.</translation>
    </message>
    <message>
        <source>Give the cohort a name.</source>
        <translation>Geben Sie der Kohorte einen Namen.</translation>
    </message>
    <message>
        <source>There is already a cohort named “{name}”.</source>
        <translation>Es gibt schon eine Kohorte namens „{name}“.</translation>
    </message>
    <message>
        <source>There is nobody to save: a cohort of no users would filter every analysis to nothing.</source>
        <translation>Es gibt niemanden zu speichern: Eine Kohorte ohne Nutzer würde jede Analyse auf nichts filtern.</translation>
    </message>
    <message>
        <source>The data holds no events, answers or payments of user {user}.</source>
        <translation>Die Daten enthalten keine Ereignisse, Antworten oder Zahlungen von Nutzer {user}.</translation>
    </message>
    <message>
        <source>New in {period}</source>
        <translation>Neu in {period}</translation>
    </message>
    <message>
        <source>Returning in {period}</source>
        <translation>Wiederkehrend in {period}</translation>
    </message>
    <message>
        <source>Resurrecting in {period}</source>
        <translation>Reaktiviert in {period}</translation>
    </message>
    <message>
        <source>Dormant in {period}</source>
        <translation>Inaktiv in {period}</translation>
    </message>
    <message>
        <source>Dormant in {period} (active in the day before it, not in it)</source>
        <translation>Inaktiv in {period} (im Tag davor aktiv, darin nicht)</translation>
    </message>
    <message>
        <source>Dormant in {period} (active in the week before it, not in it)</source>
        <translation>Inaktiv in {period} (in der Woche davor aktiv, darin nicht)</translation>
    </message>
    <message>
        <source>Dormant in {period} (active in the month before it, not in it)</source>
        <translation>Inaktiv in {period} (im Monat davor aktiv, darin nicht)</translation>
    </message>
    <message>
        <source>that period alone, not the rolling mean</source>
        <translation>nur dieser Zeitraum, nicht der gleitende Mittelwert</translation>
    </message>
    <message>
        <source>that period, not the previous range</source>
        <translation>dieser Zeitraum, nicht der vorige</translation>
    </message>
    <message>
        <source>Did {event} in {period}</source>
        <translation>{event} in {period} ausgeführt</translation>
    </message>
    <message>
        <source>who did the events counted</source>
        <translation>die die gezählten Ereignisse ausgeführt haben</translation>
    </message>
    <message>
        <source>whom its events per user divide by</source>
        <translation>durch die ihre Ereignisse pro Nutzer geteilt werden</translation>
    </message>
    <message>
        <source>whose events&apos; {prop} is summed</source>
        <translation>deren {prop} der Ereignisse summiert wird</translation>
    </message>
    <message>
        <source>whose events&apos; {prop} is averaged</source>
        <translation>deren {prop} der Ereignisse gemittelt wird</translation>
    </message>
    <message>
        <source>Took {path}</source>
        <translation>Nahmen {path}</translation>
    </message>
    <message>
        <source>Took none of the top {count} journeys</source>
        <translation>Nahmen keine der {count} häufigsten Journeys</translation>
    </message>
    <message>
        <source> ({count} before)</source>
        <translation> ({count} davor)</translation>
    </message>
    <message>
        <source> (step {number})</source>
        <translation> (Schritt {number})</translation>
    </message>
    <message>
        <source>: off the top journeys</source>
        <translation>: außerhalb der häufigsten Journeys</translation>
    </message>
    <message>
        <source>Did nothing after {touchpoint}</source>
        <translation>Nach {touchpoint} nichts mehr getan</translation>
    </message>
    <message>
        <source>Stopped before step {number}</source>
        <translation>Vor Schritt {number} aufgehört</translation>
    </message>
    <message>
        <source>Went from {touchpoint} to {next}</source>
        <translation>Von {touchpoint} zu {next} gegangen</translation>
    </message>
    <message>
        <source>At {touchpoint}</source>
        <translation>Bei {touchpoint}</translation>
    </message>
    <message>
        <source>Started with {touchpoint}</source>
        <translation>Mit {touchpoint} begonnen</translation>
    </message>
    <message>
        <source>Had no touchpoint {count} before</source>
        <translation>Hatten {count} davor keinen Touchpoint</translation>
    </message>
    <message>
        <source>This row has no group “{group}” of users (it has: {groups}).</source>
        <translation>Diese Zeile hat keine Nutzergruppe „{group}“ (sie hat: {groups}).</translation>
    </message>
    <message>
        <source>{label} · cohort “{cohort}”</source>
        <translation>{label} · Kohorte „{cohort}“</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>Users…</source>
        <translation>Nutzer…</translation>
    </message>
    <message>
        <source>The users behind the selected row of the table: list them, export them, save them as a cohort, see what each one did</source>
        <translation>Die Nutzer hinter der gewählten Tabellenzeile: auflisten, exportieren, als Kohorte speichern, sehen, was jeder getan hat</translation>
    </message>
    <message>
        <source>Select a row of the table first</source>
        <translation>Wählen Sie zuerst eine Zeile der Tabelle</translation>
    </message>
    <message>
        <source>Show these users ({count}): {group}…</source>
        <translation>Diese Nutzer zeigen ({count}): {group}…</translation>
    </message>
    <message>
        <source>Listing the users</source>
        <translation>Nutzer werden aufgelistet</translation>
    </message>
    <message>
        <source>Show these users… asks again</source>
        <translation>„Diese Nutzer zeigen“ fragt erneut</translation>
    </message>
    <message>
        <source>Timeline… asks again</source>
        <translation>„Zeitleiste…“ fragt erneut</translation>
    </message>
    <message>
        <source>Reading the timeline of {user}</source>
        <translation>Zeitleiste von {user} wird gelesen</translation>
    </message>
    <message>
        <source>Add cohort “{name}”</source>
        <translation>Kohorte „{name}“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Users: {group}</source>
        <translation>Nutzer: {group}</translation>
    </message>
    <message>
        <source>{count} user</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>Double-click a user to see their events, survey answers and payments in time order.</source>
        <translation>Doppelklicken Sie auf einen Nutzer, um seine Ereignisse, Umfrageantworten und Zahlungen in zeitlicher Reihenfolge zu sehen.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save as cohort…</source>
        <translation>Als Kohorte speichern…</translation>
    </message>
    <message>
        <source>A saved cohort of exactly these users, to filter or break down any analysis</source>
        <translation>Eine gespeicherte Kohorte genau dieser Nutzer, um jede Analyse zu filtern oder aufzuschlüsseln</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>Zeitleiste…</translation>
    </message>
    <message>
        <source>What the selected user did, in time order</source>
        <translation>Was der gewählte Nutzer getan hat, in zeitlicher Reihenfolge</translation>
    </message>
    <message>
        <source>Save as cohort</source>
        <translation>Als Kohorte speichern</translation>
    </message>
    <message>
        <source>Name of the new cohort:</source>
        <translation>Name der neuen Kohorte:</translation>
    </message>
    <message>
        <source>Name of the new cohort</source>
        <translation>Name der neuen Kohorte</translation>
    </message>
    <message>
        <source>Saved as cohort “{name}”: pick it under Users: beside the data line to filter any analysis to these users (Edit ▸ Undo removes it).</source>
        <translation>Als Kohorte „{name}“ gespeichert: Wählen Sie sie unter „Nutzer:“ neben der Datenzeile, um jede Analyse auf diese Nutzer zu filtern (Bearbeiten ▸ Rückgängig entfernt sie).</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <source>Pseudonyms</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Nothing: drop the column</source>
        <translation>Nichts: Spalte weglassen</translation>
    </message>
    <message>
        <source>Raw values, as they are</source>
        <translation>Rohwerte, unverändert</translation>
    </message>
    <message>
        <source>The raw values of these columns are never stored in the project: only their pseudonyms are. The export file you import from still holds them.</source>
        <translation>Die Rohwerte dieser Spalten werden nie im Projekt gespeichert, nur ihre Pseudonyme. Die Exportdatei, aus der Sie importieren, enthält sie weiterhin.</translation>
    </message>
    <message>
        <source>They leave {file} when you save it.</source>
        <translation>Sie verschwinden aus {file}, wenn Sie es speichern.</translation>
    </message>
    <message>
        <source>Save the project to keep this.</source>
        <translation>Speichern Sie das Projekt, um dies beizubehalten.</translation>
    </message>
    <message>
        <source>This cannot be undone. The raw values are removed from the project now, and the undo history is cleared so that nothing can bring them back. {where} Copies saved earlier, backups and your original export files still hold them, and charts pinned to findings before now are pictures that keep what they showed.</source>
        <translation>Dies lässt sich nicht rückgängig machen. Die Rohwerte werden jetzt aus dem Projekt entfernt, und der Rückgängig-Verlauf wird geleert, damit nichts sie zurückholen kann. {where} Früher gespeicherte Kopien, Sicherungen und Ihre ursprünglichen Exportdateien enthalten sie weiterhin, und bisher an Erkenntnisse angeheftete Diagramme sind Bilder, die behalten, was sie zeigten.</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>Personenbezogene Daten entfernen</translation>
    </message>
    <message>
        <source>These columns hold personal data. Choose what the project keeps of each. Pseudonyms replace every value with a code that stays the same for the same value, so users can still be counted and followed, and sources joined, without names or addresses.</source>
        <translation>Diese Spalten enthalten personenbezogene Daten. Wählen Sie, was das Projekt von jeder behält. Pseudonyme ersetzen jeden Wert durch einen Code, der für denselben Wert gleich bleibt; so lassen sich Nutzer weiterhin zählen und verfolgen und Quellen verknüpfen, ohne Namen oder Adressen.</translation>
    </message>
    <message>
        <source>Store pseudonyms</source>
        <translation>Pseudonyme speichern</translation>
    </message>
    <message>
        <source>Remove the raw values</source>
        <translation>Die Rohwerte entfernen</translation>
    </message>
    <message>
        <source>What the project keeps</source>
        <translation>Was das Projekt behält</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>What to keep of {column} in {source}</source>
        <translation>Was von {column} in {source} behalten wird</translation>
    </message>
    <message>
        <source>{kind} (hidden by the recipe only)</source>
        <translation>{kind} (nur durch das Rezept verborgen)</translation>
    </message>
    <message>
        <source>The key of the pseudonyms</source>
        <translation>Der Schlüssel der Pseudonyme</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keychain</source>
        <translation>Den Schlüssel im Schlüsselbund dieses Computers aufbewahren</translation>
    </message>
    <message>
        <source>One-way: throw the key away</source>
        <translation>Unumkehrbar: den Schlüssel verwerfen</translation>
    </message>
    <message>
        <source>The same value gets the same pseudonym in every source and every refresh of this project, so sources still join. The key stays in this computer&apos;s keychain, never in the project file: someone who has the file but not the key cannot turn a pseudonym back into an e-mail address by trying likely values.</source>
        <translation>Derselbe Wert erhält in jeder Quelle und bei jeder Aktualisierung dieses Projekts dasselbe Pseudonym, sodass sich Quellen weiterhin verknüpfen lassen. Der Schlüssel bleibt im Schlüsselbund dieses Computers, nie in der Projektdatei: Wer die Datei, aber nicht den Schlüssel hat, kann ein Pseudonym nicht durch Ausprobieren wahrscheinlicher Werte in eine E-Mail-Adresse zurückverwandeln.</translation>
    </message>
    <message>
        <source>The key is thrown away at once. Nobody, you included, can link these pseudonyms to a person again, nor to next month&apos;s export: a refreshed or newly imported file gets new pseudonyms that do not join with these. Columns chosen together here still join each other.</source>
        <translation>Der Schlüssel wird sofort verworfen. Niemand, auch Sie nicht, kann diese Pseudonyme wieder einer Person zuordnen, noch dem Export des nächsten Monats: Eine aktualisierte oder neu importierte Datei erhält neue Pseudonyme, die sich nicht mit diesen verknüpfen lassen. Hier gemeinsam gewählte Spalten lassen sich weiterhin untereinander verknüpfen.</translation>
    </message>
</context>
<context>
    <name>PersonalKind</name>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>Cannot save {name}: {reason}.</source>
        <translation>{name} kann nicht gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>Cannot save {name}: {reason}. Remove a source (or refresh it with a shorter export) and save again.</source>
        <translation>{name} kann nicht gespeichert werden: {reason}. Entfernen Sie eine Quelle (oder aktualisieren Sie sie mit einem kürzeren Export) und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>{name} is not a UsageLens project, or the file is damaged.</source>
        <translation>{name} ist kein UsageLens-Projekt, oder die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>{name} does not exist (was it moved or deleted?).</source>
        <translation>{name} existiert nicht (wurde die Datei verschoben oder gelöscht?).</translation>
    </message>
    <message>
        <source>{name} is a folder, not a UsageLens project file.</source>
        <translation>{name} ist ein Ordner, keine UsageLens-Projektdatei.</translation>
    </message>
    <message>
        <source>You do not have permission to read {name}.</source>
        <translation>Sie haben keine Berechtigung, {name} zu lesen.</translation>
    </message>
    <message>
        <source>{name} is too large to open safely: {reason}.</source>
        <translation>{name} ist zu groß, um sicher geöffnet zu werden: {reason}.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be opened ({reason}).</source>
        <translation>{name} ist beschädigt und kann nicht geöffnet werden ({reason}).</translation>
    </message>
    <message>
        <source>{name} is not a UsageLens project file (manifest.json is missing).</source>
        <translation>{name} ist keine UsageLens-Projektdatei (manifest.json fehlt).</translation>
    </message>
    <message>
        <source>{name} is not a UsageLens project file.</source>
        <translation>{name} ist keine UsageLens-Projektdatei.</translation>
    </message>
    <message>
        <source>{name} has an unknown project format version ({version}).</source>
        <translation>{name} hat eine unbekannte Version des Projektformats ({version}).</translation>
    </message>
    <message>
        <source>{name} was saved by UsageLens {saved_by} in a newer format (version {version}). Please update UsageLens to open it.</source>
        <translation>{name} wurde von UsageLens {saved_by} in einem neueren Format (Version {version}) gespeichert. Bitte aktualisieren Sie UsageLens, um die Datei zu öffnen.</translation>
    </message>
</context>
<context>
    <name>ProjectPropertiesDialog</name>
    <message>
        <source>Project properties</source>
        <translation>Projekteigenschaften</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Projektname</translation>
    </message>
    <message>
        <source>Project description</source>
        <translation>Projektbeschreibung</translation>
    </message>
    <message>
        <source>The name is the title of the window and of the PDF summary (its cover and every page&apos;s footer); the description is printed on the cover.</source>
        <translation>Der Name ist der Titel des Fensters und der PDF-Zusammenfassung (Deckblatt und Fußzeile jeder Seite); die Beschreibung steht auf dem Deckblatt.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Edit project properties</source>
        <translation>Projekteigenschaften bearbeiten</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>{cells:,} cells ({share:.1%}) in {count:,} column</source>
        <translation>{cells:,} Zellen ({share:.1%}) in {count:,} Spalte</translation>
    </message>
    <message>
        <source>{cells:,} cells ({share:.1%}) in {count:,} columns</source>
        <translation>{cells:,} Zellen ({share:.1%}) in {count:,} Spalten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>Doppelte Zeilen</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>Fehlende Werte</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Unparseable timestamps</source>
        <translation>Unlesbare Zeitstempel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Events per user</source>
        <translation>Ereignisse pro Nutzer</translation>
    </message>
    <message>
        <source>median {median:,.0f}, 90% up to {p90:,.0f} (min {min:,}, max {max:,})</source>
        <translation>Median {median:,.0f}, 90 % bis {p90:,.0f} (Min. {min:,}, Max. {max:,})</translation>
    </message>
    <message>
        <source>Suspected test/internal users</source>
        <translation>Vermutete Test-/interne Nutzer</translation>
    </message>
    <message>
        <source>Unusually active users</source>
        <translation>Ungewöhnlich aktive Nutzer</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>{source} is a warehouse&apos;s table: these checks read only the first {rows:,} rows the project keeps of it, so their counts are those rows&apos;, not the table&apos;s.</source>
        <translation>{source} ist eine Warehouse-Tabelle: Diese Prüfungen lesen nur die ersten {rows:,} Zeilen, die das Projekt davon aufbewahrt, daher zählen sie diese Zeilen, nicht die Tabelle.</translation>
    </message>
    <message>
        <source>{problem}. So the whole table was loaded into memory to check it.</source>
        <translation>{problem}. Daher wurde die ganze Tabelle zur Prüfung in den Arbeitsspeicher geladen.</translation>
    </message>
    <message>
        <source>The database could not check this table, so the whole of it was loaded into memory.</source>
        <translation>Die Datenbank konnte diese Tabelle nicht prüfen, daher wurde sie ganz in den Arbeitsspeicher geladen.</translation>
    </message>
    <message>
        <source>Checked by the database without loading the table: {parts} may differ slightly from an in-memory check (values lie at the limit of what counts as an outlier).</source>
        <translation>Von der Datenbank geprüft, ohne die Tabelle zu laden: {parts} können leicht von einer Prüfung im Arbeitsspeicher abweichen (Werte liegen an der Grenze dessen, was als Ausreißer zählt).</translation>
    </message>
    <message>
        <source>outliers of {column}</source>
        <translation>Ausreißer von {column}</translation>
    </message>
    <message>
        <source>the database did not pick value {k:,} of {n:,} for the outlier fences</source>
        <translation>die Datenbank hat Wert {k:,} von {n:,} für die Ausreißergrenzen nicht gewählt</translation>
    </message>
    <message>
        <source>Step {number} ({step}) cannot run on the database: {problem}</source>
        <translation>Schritt {number} ({step}) kann nicht in der Datenbank laufen: {problem}</translation>
    </message>
    <message>
        <source>more than {count:,} e-mails are not plain ASCII</source>
        <translation>mehr als {count:,} E-Mail-Adressen sind nicht reines ASCII</translation>
    </message>
    <message>
        <source>{column} has more than {count:,} distinct values to convert</source>
        <translation>{column} hat mehr als {count:,} verschiedene Werte zum Umwandeln</translation>
    </message>
</context>
<context>
    <name>QuoteListWidget</name>
    <message>
        <source>Add quote</source>
        <translation>Zitat hinzufügen</translation>
    </message>
    <message>
        <source>Remove quote</source>
        <translation>Zitat entfernen</translation>
    </message>
    <message>
        <source>Remove {count} quotes</source>
        <translation>{count} Zitate entfernen</translation>
    </message>
    <message>
        <source>Customers&apos; words</source>
        <translation>Worte der Kunden</translation>
    </message>
    <message>
        <source>No customer comments cited yet: cite them in the “Customer feedback” tab, or add one heard elsewhere (an interview, a support call).</source>
        <translation>Noch keine Kundenkommentare zitiert: Zitieren Sie sie im Reiter „Kundenfeedback“, oder fügen Sie einen anderswo gehörten hinzu (Interview, Supportanruf).</translation>
    </message>
    <message>
        <source>Mark as {mark}</source>
        <translation>Als {Mark} einordnen</translation>
    </message>
    <message>
        <source>Mark quote</source>
        <translation>Zitat einordnen</translation>
    </message>
</context>
<context>
    <name>QuoteMark</name>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Testimonial</source>
        <translation>Erfahrungsbericht</translation>
    </message>
    <message>
        <source>Improvement suggestion</source>
        <translation>Verbesserungsvorschlag</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
</context>
<context>
    <name>RecipePanel</name>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Neuer Schritt</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Remove {count} steps</source>
        <translation>{count} Schritte entfernen</translation>
    </message>
    <message>
        <source>Cleaning recipe</source>
        <translation>Bereinigungsrezept</translation>
    </message>
    <message>
        <source>Steps run in order on the imported table every time; they never change it. Next month&apos;s export goes through the same steps.</source>
        <translation>Die Schritte laufen jedes Mal der Reihe nach auf der importierten Tabelle; sie ändern sie nie. Der Export des nächsten Monats durchläuft dieselben Schritte.</translation>
    </message>
    <message>
        <source>No cleaning steps yet: the analyses use the data as imported. Use “Add step” to remove duplicate rows, exclude the test users listed under “Test users”, merge event names…</source>
        <translation>Noch keine Bereinigungsschritte: Die Analysen verwenden die Daten wie importiert. Mit „Neuer Schritt“ entfernen Sie doppelte Zeilen, schließen die unter „Testnutzer“ aufgeführten Testnutzer aus, führen Ereignisnamen zusammen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Add step: {kind}</source>
        <translation>Schritt hinzufügen: {kind}</translation>
    </message>
    <message>
        <source>Edit step</source>
        <translation>Schritt bearbeiten</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Schritt verschieben</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>an untitled project</source>
        <translation>ein unbenanntes Projekt</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <source>UsageLens closed unexpectedly while {name} had unsaved changes (autosaved {when}). Recover them?</source>
        <translation>UsageLens wurde unerwartet beendet, während {name} ungespeicherte Änderungen hatte (automatisch gespeichert {when}). Wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Executive summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Objectives and hypotheses</source>
        <translation>Ziele und Hypothesen</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Nutzer</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Customer feedback</source>
        <translation>Kundenfeedback</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Maßnahmenplan</translation>
    </message>
    <message>
        <source>Implementation and measured impact</source>
        <translation>Umsetzung und gemessene Wirkung</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>Customer and stakeholder voices</source>
        <translation>Stimmen von Kunden und Stakeholdern</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>What goes into the report</source>
        <translation>Was in den Bericht kommt</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Findings to include</source>
        <translation>Aufzunehmende Erkenntnisse</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>KPI: {kpi}</source>
        <translation>Kennzahl: {kpi}</translation>
    </message>
    <message>
        <source>KPI: {kpi} · on {data}</source>
        <translation>Kennzahl: {kpi} · auf {data}</translation>
    </message>
    <message>
        <source>New export for {source} (Cancel to keep it)</source>
        <translation>Neuer Export für {source} (Abbrechen behält die bisherigen Daten)</translation>
    </message>
    <message>
        <source>Objectives: where each KPI started, where it is, where it should get to</source>
        <translation>Ziele: wo jede Kennzahl begann, wo sie steht, wohin sie soll</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>Überprüfung festhalten</translation>
    </message>
    <message>
        <source>Remove review</source>
        <translation>Überprüfung entfernen</translation>
    </message>
    <message>
        <source>Remove {count} reviews</source>
        <translation>{count} Überprüfungen entfernen</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Überprüfungen</translation>
    </message>
    <message>
        <source>No reviews yet. After each data refresh, record one: today&apos;s KPI values are kept with it.</source>
        <translation>Noch keine Überprüfungen. Halten Sie nach jeder Datenaktualisierung eine fest: Die heutigen Kennzahlwerte werden mit ihr gespeichert.</translation>
    </message>
    <message>
        <source>Record a review after each data refresh: today&apos;s KPI values are kept with it, so the next review can compare.</source>
        <translation>Nach jeder Datenaktualisierung eine Überprüfung festhalten: Sie bewahrt die heutigen Kennzahlwerte für den Vergleich mit der nächsten.</translation>
    </message>
    <message>
        <source>Refresh data…</source>
        <translation>Daten aktualisieren…</translation>
    </message>
    <message>
        <source>Load the new export of each source (a warehouse&apos;s is asked again), then record a review measured on it, so this turn of the loop can be compared with the last</source>
        <translation>Den neuen Export jeder Quelle laden (ein Data Warehouse wird erneut abgefragt) und dann eine darauf gemessene Überprüfung festhalten, damit sich diese Runde der Schleife mit der letzten vergleichen lässt</translation>
    </message>
    <message>
        <source>{count} monthly value</source>
        <translation>{count} Monatswert</translation>
    </message>
    <message>
        <source>{count} monthly values</source>
        <translation>{count} Monatswerte</translation>
    </message>
    <message>
        <source>{count} weekly value</source>
        <translation>{count} Wochenwert</translation>
    </message>
    <message>
        <source>{count} weekly values</source>
        <translation>{count} Wochenwerte</translation>
    </message>
    <message>
        <source>{values}, from {first} to {last}</source>
        <translation>{values}, von {first} bis {last}</translation>
    </message>
    <message>
        <source>{trend}; target {target}</source>
        <translation>{trend}; Zielwert {target}</translation>
    </message>
    <message>
        <source>Refreshing data and measuring the KPIs</source>
        <translation>Daten werden aktualisiert und die Kennzahlen gemessen</translation>
    </message>
    <message>
        <source>Refresh data… asks again</source>
        <translation>Daten aktualisieren… fragt erneut</translation>
    </message>
    <message>
        <source>Refresh data and record review</source>
        <translation>Daten aktualisieren und Überprüfung festhalten</translation>
    </message>
    <message>
        <source>Refresh {source}</source>
        <translation>{source} aktualisieren</translation>
    </message>
    <message>
        <source>{source}: asked its warehouse again</source>
        <translation>{source}: erneut im Data Warehouse abgefragt</translation>
    </message>
    <message>
        <source>Refreshed {sources}. A review of the new data (until {day}) is recorded below.</source>
        <translation>Aktualisiert: {sources}. Eine Überprüfung der neuen Daten (bis {day}) ist unten festgehalten.</translation>
    </message>
    <message>
        <source>Choose how each objective is measured in step 1 to see its current value here.</source>
        <translation>Legen Sie in Schritt 1 fest, wie jedes Ziel gemessen wird, um hier seinen aktuellen Wert zu sehen.</translation>
    </message>
    <message>
        <source>Add objectives in step 1 to review them here.</source>
        <translation>Fügen Sie in Schritt 1 Ziele hinzu, um sie hier zu überprüfen.</translation>
    </message>
    <message>
        <source>Measuring objectives</source>
        <translation>Ziele werden gemessen</translation>
    </message>
    <message>
        <source>Refresh asks again</source>
        <translation>Aktualisieren fragt erneut</translation>
    </message>
</context>
<context>
    <name>ReviewVoicesWidget</name>
    <message>
        <source>{count} endorses</source>
        <translation>{count} unterstützt</translation>
    </message>
    <message>
        <source>{count} endorse</source>
        <translation>{count} unterstützen</translation>
    </message>
    <message>
        <source>{count} has concerns</source>
        <translation>{count} hat Bedenken</translation>
    </message>
    <message>
        <source>{count} have concerns</source>
        <translation>{count} haben Bedenken</translation>
    </message>
    <message>
        <source>Add endorsement</source>
        <translation>Unterstützung hinzufügen</translation>
    </message>
    <message>
        <source>Remove endorsement</source>
        <translation>Unterstützung entfernen</translation>
    </message>
    <message>
        <source>Remove {count} endorsements</source>
        <translation>{count} Unterstützungen entfernen</translation>
    </message>
    <message>
        <source>Endorsements of the selected review</source>
        <translation>Unterstützung für die ausgewählte Überprüfung</translation>
    </message>
    <message>
        <source>Who backs what this review showed, or has concerns about it? Record their word here: their name and role, on what, and when.</source>
        <translation>Wer steht hinter dem, was diese Überprüfung gezeigt hat, oder hat Bedenken? Halten Sie die Stimmen hier fest: Name und Rolle, wozu und wann.</translation>
    </message>
    <message>
        <source>Testimonials, improvement suggestions and endorsements per month</source>
        <translation>Erfahrungsberichte, Verbesserungsvorschläge und Unterstützungen pro Monat</translation>
    </message>
    <message>
        <source>Voices per month</source>
        <translation>Stimmen pro Monat</translation>
    </message>
    <message>
        <source>Quotes marked in step 5 count in the month the customer said them (else when their finding was written); endorsements in the month they were given</source>
        <translation>In Schritt 5 markierte Zitate zählen im Monat, in dem der Kunde sie sagte (sonst, als ihre Erkenntnis geschrieben wurde); Unterstützungen im Monat, in dem sie gegeben wurden</translation>
    </message>
    <message>
        <source>Endorsements</source>
        <translation>Unterstützungen</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>{count} marked quote without a date, counted in no month.</source>
        <translation>{count} eingeordnetes Zitat ohne Datum, in keinem Monat gezählt.</translation>
    </message>
    <message>
        <source>{count} marked quotes without a date, counted in no month.</source>
        <translation>{count} eingeordnete Zitate ohne Datum, in keinem Monat gezählt.</translation>
    </message>
    <message>
        <source>Nothing to count yet: mark quotes as testimonials or improvement suggestions in step 5, and record endorsements with a review.</source>
        <translation>Noch nichts zu zählen: Markieren Sie in Schritt 5 Zitate als Erfahrungsberichte oder Verbesserungsvorschläge und halten Sie Unterstützungen bei einer Überprüfung fest.</translation>
    </message>
</context>
<context>
    <name>RoleFields</name>
    <message>
        <source>User id</source>
        <translation>Nutzer-ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Ereignisname</translation>
    </message>
    <message>
        <source>Signup date</source>
        <translation>Registrierungsdatum</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>— not in this file —</source>
        <translation>— nicht in dieser Datei —</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Columns of {source}</source>
        <translation>Spalten von {source}</translation>
    </message>
    <message>
        <source>Say which column holds what. A column given a new role is read again as that role (times as dates, user ids as text); the recipe keeps working.</source>
        <translation>Geben Sie an, welche Spalte was enthält. Eine Spalte mit einer neuen Rolle wird in dieser Rolle neu gelesen (Zeiten als Datum, Nutzer-IDs als Text); das Rezept funktioniert weiter.</translation>
    </message>
    <message>
        <source>Choose the column for: {roles}.</source>
        <translation>Wählen Sie die Spalte für: {roles}.</translation>
    </message>
</context>
<context>
    <name>ScanQuestion</name>
    <message>
        <source>Run in BigQuery?</source>
        <translation>In BigQuery ausführen?</translation>
    </message>
    <message>
        <source>This analysis will scan about {size} in BigQuery (its dry-run estimate for one read of the events), which BigQuery bills. Run it?</source>
        <translation>Diese Analyse wird in BigQuery etwa {size} lesen (die Dry-Run-Schätzung für einen Lesevorgang der Ereignisse), was BigQuery berechnet. Ausführen?</translation>
    </message>
    <message>
        <source>Run without asking when a query scans up to {size}</source>
        <translation>Ohne Nachfrage ausführen, wenn eine Abfrage bis zu {size} liest</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <source>not chosen for analysis</source>
        <translation>nicht für die Analyse ausgewählt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{sources} (combined)</source>
        <translation>{sources} (kombiniert)</translation>
    </message>
    <message>
        <source>{source} is not analysed: {why}.</source>
        <translation>{source} wird nicht analysiert: {why}.</translation>
    </message>
    <message>
        <source>no column is mapped to {roles}</source>
        <translation>keine Spalte ist {roles} zugeordnet</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>{kind}: {sources}</source>
        <translation>{kind}: {sources}</translation>
    </message>
    <message>
        <source>No data imported yet (step 2).</source>
        <translation>Noch keine Daten importiert (Schritt 2).</translation>
    </message>
</context>
<context>
    <name>SourceKind</name>
    <message>
        <source>Behaviour (event log)</source>
        <translation>Verhalten (Ereignisprotokoll)</translation>
    </message>
    <message>
        <source>Customers (identity / attributes)</source>
        <translation>Kunden (Identität / Attribute)</translation>
    </message>
    <message>
        <source>Feedback (survey answers)</source>
        <translation>Feedback (Umfrageantworten)</translation>
    </message>
    <message>
        <source>Revenue (transactions)</source>
        <translation>Umsatz (Transaktionen)</translation>
    </message>
    <message>
        <source>Metrics (counts per day)</source>
        <translation>Metriken (Zahlen pro Tag)</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Define objectives</source>
        <translation>Ziele festlegen</translation>
    </message>
    <message>
        <source>What should change for customers, which KPI shows it, and by how much.</source>
        <translation>Was sich für Kunden ändern soll, welche Kennzahl es zeigt und um wie viel.</translation>
    </message>
    <message>
        <source>Gather data</source>
        <translation>Daten sammeln</translation>
    </message>
    <message>
        <source>Import exports from your analytics tool, CRM and surveys and say what each column is.</source>
        <translation>Exporte aus Analyse-Tool, CRM und Umfragen importieren und angeben, was jede Spalte ist.</translation>
    </message>
    <message>
        <source>Clean &amp; prepare</source>
        <translation>Bereinigen &amp; vorbereiten</translation>
    </message>
    <message>
        <source>Check data quality and record cleaning steps you can replay on next month&apos;s export.</source>
        <translation>Datenqualität prüfen und Bereinigungsschritte festhalten, die sich auf den Export des nächsten Monats anwenden lassen.</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Look at how customers really use the product: activity, events and trends.</source>
        <translation>Sehen, wie Kunden das Produkt wirklich nutzen: Aktivität, Ereignisse und Trends.</translation>
    </message>
    <message>
        <source>Interpret findings</source>
        <translation>Erkenntnisse deuten</translation>
    </message>
    <message>
        <source>Write down what the data shows, tied to your objectives and hypotheses.</source>
        <translation>Festhalten, was die Daten zeigen, verknüpft mit Ihren Zielen und Hypothesen.</translation>
    </message>
    <message>
        <source>Develop action plans</source>
        <translation>Maßnahmen planen</translation>
    </message>
    <message>
        <source>Decide what to do about each finding, who owns it and by when.</source>
        <translation>Entscheiden, was zu jeder Erkenntnis geschieht, wer verantwortlich ist und bis wann.</translation>
    </message>
    <message>
        <source>Implement changes</source>
        <translation>Änderungen umsetzen</translation>
    </message>
    <message>
        <source>Track what shipped and when, so charts show releases and impact can be measured.</source>
        <translation>Verfolgen, was wann ausgeliefert wurde, damit Diagramme Releases zeigen und die Wirkung messbar ist.</translation>
    </message>
    <message>
        <source>Review &amp; refine</source>
        <translation>Überprüfen &amp; verfeinern</translation>
    </message>
    <message>
        <source>Compare where each KPI started, where it is now and where it should get to.</source>
        <translation>Vergleichen, wo jede Kennzahl begann, wo sie jetzt steht und wohin sie soll.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Keep which copy</source>
        <translation>Welche Kopie behalten</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Values (one per line)</source>
        <translation>Werte (einer pro Zeile)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>Bis (einschließlich)</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>Fehlende Werte</translation>
    </message>
    <message>
        <source>Old → new (one pair per line)</source>
        <translation>Alt → neu (ein Paar pro Zeile)</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>Neuer Typ</translation>
    </message>
    <message>
        <source>Letter case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>Collapse repeated spaces</source>
        <translation>Mehrfache Leerzeichen zusammenfassen</translation>
    </message>
    <message>
        <source>User ids (one per line)</source>
        <translation>Nutzer-IDs (eine pro Zeile)</translation>
    </message>
    <message>
        <source>Id or email pattern</source>
        <translation>Muster für ID oder E-Mail</translation>
    </message>
    <message>
        <source>Email domains (one per line)</source>
        <translation>E-Mail-Domains (eine pro Zeile)</translation>
    </message>
    <message>
        <source>Email column</source>
        <translation>E-Mail-Spalte</translation>
    </message>
    <message>
        <source>Reason (for the record)</source>
        <translation>Grund (zur Dokumentation)</translation>
    </message>
    <message>
        <source>Pseudonym length</source>
        <translation>Länge der Pseudonyme</translation>
    </message>
    <message>
        <source>— the user id column —</source>
        <translation>— die Spalte der Nutzer-ID —</translation>
    </message>
    <message>
        <source>— the event column —</source>
        <translation>— die Ereignisspalte —</translation>
    </message>
    <message>
        <source>first</source>
        <translation>erste</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzte</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>yes-no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>eines von</translation>
    </message>
    <message>
        <source>not one of</source>
        <translation>keines von</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>greater</source>
        <translation>größer</translation>
    </message>
    <message>
        <source>less</source>
        <translation>kleiner</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not missing</source>
        <translation>fehlt nicht</translation>
    </message>
    <message>
        <source>date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>Kleinbuchstaben</translation>
    </message>
    <message>
        <source>upper</source>
        <translation>Großbuchstaben</translation>
    </message>
    <message>
        <source>Plain text matches anywhere (test finds qa-test-7); * and ? are wildcards.</source>
        <translation>Einfacher Text passt an jeder Stelle (test findet qa-test-7); * und ? sind Platzhalter.</translation>
    </message>
    <message>
        <source>Hex characters per pseudonym, 8–64 (default 16).</source>
        <translation>Hex-Zeichen pro Pseudonym, 8–64 (Standard 16).</translation>
    </message>
    <message>
        <source>None ticked: rows must repeat in every column.</source>
        <translation>Nichts angehakt: Zeilen müssen sich in jeder Spalte wiederholen.</translation>
    </message>
    <message>
        <source>{column} (missing)</source>
        <translation>{column} (fehlt)</translation>
    </message>
    <message>
        <source>old name → new name</source>
        <translation>alter Name → neuer Name</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— auswählen —</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Common in {column}: {values}</source>
        <translation>Häufig in {column}: {values}</translation>
    </message>
    <message>
        <source>In the first {rows} rows, {loss}</source>
        <translation>In den ersten {rows} Zeilen: {loss}</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
    <message>
        <source>Remove duplicate rows</source>
        <translation>Doppelte Zeilen entfernen</translation>
    </message>
    <message>
        <source>Remove rows that repeat {columns}</source>
        <translation>Zeilen entfernen, die sich in {columns} wiederholen</translation>
    </message>
    <message>
        <source>Keep rows where {column} is {value}</source>
        <translation>Zeilen behalten, in denen {column} {value} ist</translation>
    </message>
    <message>
        <source>Keep rows where {column} is one of: {values}</source>
        <translation>Zeilen behalten, in denen {column} einer dieser Werte ist: {values}</translation>
    </message>
    <message>
        <source>Keep rows where {column} is not one of: {values}</source>
        <translation>Zeilen behalten, in denen {column} keiner dieser Werte ist: {values}</translation>
    </message>
    <message>
        <source>Keep rows where {column} contains &apos;{value}&apos;</source>
        <translation>Zeilen behalten, in denen {column} „{value}“ enthält</translation>
    </message>
    <message>
        <source>Keep rows where {column} is greater than {value}</source>
        <translation>Zeilen behalten, in denen {column} größer als {value} ist</translation>
    </message>
    <message>
        <source>Keep rows where {column} is less than {value}</source>
        <translation>Zeilen behalten, in denen {column} kleiner als {value} ist</translation>
    </message>
    <message>
        <source>Keep rows where {column} is missing</source>
        <translation>Zeilen behalten, in denen {column} fehlt</translation>
    </message>
    <message>
        <source>Keep rows where {column} is not missing</source>
        <translation>Zeilen behalten, in denen {column} nicht fehlt</translation>
    </message>
    <message>
        <source>Keep rows where {column} is between {start} and {end}</source>
        <translation>Zeilen behalten, in denen {column} zwischen {start} und {end} liegt</translation>
    </message>
    <message>
        <source>Keep rows where {column} is on or after {start}</source>
        <translation>Zeilen behalten, in denen {column} am oder nach dem {start} liegt</translation>
    </message>
    <message>
        <source>Keep rows where {column} is on or before {end}</source>
        <translation>Zeilen behalten, in denen {column} am oder vor dem {end} liegt</translation>
    </message>
    <message>
        <source>&apos;{operator}&apos; needs a value to compare with</source>
        <translation>„{operator}“ braucht einen Vergleichswert</translation>
    </message>
    <message>
        <source>&apos;{operator}&apos; needs at least one value</source>
        <translation>„{operator}“ braucht mindestens einen Wert</translation>
    </message>
    <message>
        <source>A date range needs a start date, an end date or both</source>
        <translation>Ein Zeitraum braucht ein Anfangsdatum, ein Enddatum oder beides</translation>
    </message>
    <message>
        <source>{problem} ({name} holds {kind} values)</source>
        <translation>{problem} ({name} enthält Werte vom Typ {kind})</translation>
    </message>
    <message>
        <source>Keep rows where…</source>
        <translation>Zeilen behalten, wo…</translation>
    </message>
    <message>
        <source>Drop rows with missing {columns}</source>
        <translation>Zeilen entfernen, in denen {columns} fehlt</translation>
    </message>
    <message>
        <source>Fill missing {columns} with &apos;{value}&apos;</source>
        <translation>Fehlende Werte in {columns} mit „{value}“ füllen</translation>
    </message>
    <message>
        <source>Filling needs a value to fill in</source>
        <translation>Zum Füllen braucht es einen Wert</translation>
    </message>
    <message>
        <source>Fill or drop missing values</source>
        <translation>Fehlende Werte füllen oder entfernen</translation>
    </message>
    <message>
        <source>Filled {count:,} missing value</source>
        <translation>{count:,} fehlenden Wert gefüllt</translation>
    </message>
    <message>
        <source>Filled {count:,} missing values</source>
        <translation>{count:,} fehlende Werte gefüllt</translation>
    </message>
    <message>
        <source>{count:,} user</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>{count:,} users</source>
        <translation>{count:,} Nutzer</translation>
    </message>
    <message>
        <source>users matching &apos;{pattern}&apos;</source>
        <translation>Nutzer, die auf „{pattern}“ passen</translation>
    </message>
    <message>
        <source>users with email at {domains}</source>
        <translation>Nutzer mit E-Mail-Adresse bei {domains}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>Exclude {whom} ({reason})</source>
        <translation>Ausschließen: {whom} ({reason})</translation>
    </message>
    <message>
        <source>Exclude {whom}</source>
        <translation>Ausschließen: {whom}</translation>
    </message>
    <message>
        <source>Name the users to exclude, a pattern or an email domain</source>
        <translation>Nennen Sie die auszuschließenden Nutzer, ein Muster oder eine E-Mail-Domain</translation>
    </message>
    <message>
        <source>Exclude users</source>
        <translation>Nutzer ausschließen</translation>
    </message>
    <message>
        <source>Excluded {count:,} user</source>
        <translation>{count:,} Nutzer ausgeschlossen</translation>
    </message>
    <message>
        <source>Excluded {count:,} users</source>
        <translation>{count:,} Nutzer ausgeschlossen</translation>
    </message>
    <message>
        <source>Merge events {events} → &apos;{target}&apos;</source>
        <translation>Ereignisse {events} zu „{target}“ zusammenführen</translation>
    </message>
    <message>
        <source>Rename event {pair}</source>
        <translation>Ereignis umbenennen: {pair}</translation>
    </message>
    <message>
        <source>Rename events: {pairs}</source>
        <translation>Ereignisse umbenennen: {pairs}</translation>
    </message>
    <message>
        <source>Rename or merge events</source>
        <translation>Ereignisse umbenennen oder zusammenführen</translation>
    </message>
    <message>
        <source>Not in the data: {events}</source>
        <translation>Nicht in den Daten: {events}</translation>
    </message>
    <message>
        <source>Drop columns</source>
        <translation>Spalten entfernen</translation>
    </message>
    <message>
        <source>Drop columns: {columns}</source>
        <translation>Spalten entfernen: {columns}</translation>
    </message>
    <message>
        <source>Rename column {pair}</source>
        <translation>Spalte umbenennen: {pair}</translation>
    </message>
    <message>
        <source>Rename columns: {pairs}</source>
        <translation>Spalten umbenennen: {pairs}</translation>
    </message>
    <message>
        <source>Two columns would be called {names}</source>
        <translation>Zwei Spalten hießen {names}</translation>
    </message>
    <message>
        <source>Rename columns</source>
        <translation>Spalten umbenennen</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>yes/no answers</source>
        <translation>Ja/Nein-Antworten</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>yes-no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>Change column type</source>
        <translation>Spaltentyp ändern</translation>
    </message>
    <message>
        <source>Change {column} to {type}</source>
        <translation>{column} in {type} umwandeln</translation>
    </message>
    <message>
        <source>{count:,} value in {column} could not be read as {type} and is now missing ({examples})</source>
        <translation>{count:,} Wert in {column} ließ sich nicht als {type} lesen und fehlt jetzt ({examples})</translation>
    </message>
    <message>
        <source>{count:,} values in {column} could not be read as {type} and are now missing ({examples})</source>
        <translation>{count:,} Werte in {column} ließen sich nicht als {type} lesen und fehlen jetzt ({examples})</translation>
    </message>
    <message>
        <source>{lost:,} of {count:,} value cannot be read as {type} ({examples}) and would become missing.</source>
        <translation>{lost:,} von {count:,} Wert lässt sich nicht als {type} lesen ({examples}) und würde fehlen.</translation>
    </message>
    <message>
        <source>{lost:,} of {count:,} values cannot be read as {type} ({examples}) and would become missing.</source>
        <translation>{lost:,} von {count:,} Werten lassen sich nicht als {type} lesen ({examples}) und würden fehlen.</translation>
    </message>
    <message>
        <source>Trim spaces in {columns}</source>
        <translation>Leerzeichen am Rand von {columns} entfernen</translation>
    </message>
    <message>
        <source>Trim spaces in all text columns</source>
        <translation>Leerzeichen am Rand aller Textspalten entfernen</translation>
    </message>
    <message>
        <source>{trim} and make lower case</source>
        <translation>{trim} und in Kleinbuchstaben umwandeln</translation>
    </message>
    <message>
        <source>{trim} and make upper case</source>
        <translation>{trim} und in Großbuchstaben umwandeln</translation>
    </message>
    <message>
        <source>Tidy text</source>
        <translation>Text aufräumen</translation>
    </message>
    <message>
        <source>Not text, left as they are: {columns}</source>
        <translation>Kein Text, unverändert gelassen: {columns}</translation>
    </message>
    <message>
        <source>&apos;length&apos; should be between {low} and {high} characters</source>
        <translation>„length“ muss zwischen {low} und {high} Zeichen liegen</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymisieren</translation>
    </message>
    <message>
        <source>Pseudonymise {columns}</source>
        <translation>{columns} pseudonymisieren</translation>
    </message>
    <message>
        <source>No email column found: choose one in the step</source>
        <translation>Keine E-Mail-Spalte gefunden: Wählen Sie eine im Schritt</translation>
    </message>
    <message>
        <source>No user id column: choose one in the step or map the role</source>
        <translation>Keine Nutzer-ID-Spalte: Wählen Sie eine im Schritt oder ordnen Sie die Rolle zu</translation>
    </message>
    <message>
        <source>&apos;{op}&apos; compares numbers or dates, but {name} holds {kind}; change its type first</source>
        <translation>„{op}“ vergleicht Zahlen oder Daten, aber {name} enthält {kind}; ändern Sie zuerst den Typ</translation>
    </message>
    <message>
        <source>No {role} column: choose one in the step or map the role</source>
        <translation>Keine Spalte für {role}: Wählen Sie eine im Schritt oder ordnen Sie die Rolle zu</translation>
    </message>
    <message>
        <source>Column &apos;{name}&apos; is not in the table (renamed or removed since?)</source>
        <translation>Die Spalte „{name}“ ist nicht in der Tabelle (inzwischen umbenannt oder entfernt?)</translation>
    </message>
    <message>
        <source>a column name</source>
        <translation>einen Spaltennamen</translation>
    </message>
    <message>
        <source>a list of columns</source>
        <translation>eine Liste von Spalten</translation>
    </message>
    <message>
        <source>pairs of old and new column names</source>
        <translation>Paare aus alten und neuen Spaltennamen</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>eine Liste von Texten</translation>
    </message>
    <message>
        <source>pairs of old and new names</source>
        <translation>Paare aus alten und neuen Namen</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>einen Wert</translation>
    </message>
    <message>
        <source>a list of values</source>
        <translation>eine Liste von Werten</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <source>one of the offered choices</source>
        <translation>eine der angebotenen Möglichkeiten</translation>
    </message>
    <message>
        <source>a date like 2024-01-31</source>
        <translation>ein Datum wie 2024-01-31</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Wählen Sie mindestens eine Spalte.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; should be {expected}</source>
        <translation>„{name}“ erwartet {expected}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; should be one of: {choices}</source>
        <translation>„{name}“ erwartet einen dieser Werte: {choices}</translation>
    </message>
    <message>
        <source>Column {columns} is not in the table (renamed or removed since?)</source>
        <translation>Die Spalte {columns} ist nicht in der Tabelle (inzwischen umbenannt oder entfernt?)</translation>
    </message>
    <message>
        <source>Columns {columns} are not in the table (renamed or removed since?)</source>
        <translation>Die Spalten {columns} sind nicht in der Tabelle (inzwischen umbenannt oder entfernt?)</translation>
    </message>
    <message>
        <source>Choose a column.</source>
        <translation>Wählen Sie eine Spalte.</translation>
    </message>
    <message>
        <source>Give {what} for “{name}”.</source>
        <translation>Geben Sie {what} für „{name}“ an.</translation>
    </message>
    <message>
        <source>Could not {action}: {problem}</source>
        <translation>Schritt „{Action}“ fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <source>{items}, … (+{more} more)</source>
        <translation>{items}, … (+{more} weitere)</translation>
    </message>
    <message>
        <source>Unknown step &apos;{op}&apos; (made by a newer UsageLens?)</source>
        <translation>Unbekannter Schritt „{op}“ (von einem neueren UsageLens angelegt?)</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is the row-number column of this table; choose another name</source>
        <translation>„{name}“ ist die Zeilennummer-Spalte dieser Tabelle; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>{value} is not a {kind}</source>
        <translation>{value} lässt sich nicht als {kind} lesen</translation>
    </message>
</context>
<context>
    <name>StepNavigator</name>
    <message>
        <source>Steps of the method</source>
        <translation>Schritte der Methode</translation>
    </message>
    <message>
        <source>Needs attention: {reason}</source>
        <translation>Braucht Aufmerksamkeit: {reason}</translation>
    </message>
</context>
<context>
    <name>StepState</name>
    <message>
        <source>no event log (or metrics export) imported yet</source>
        <translation>noch kein Ereignisprotokoll (oder Metrik-Export) importiert</translation>
    </message>
    <message>
        <source>{count} objective without a KPI or target</source>
        <translation>{count} Ziel ohne Kennzahl oder Zielwert</translation>
    </message>
    <message>
        <source>{count} objectives without a KPI or target</source>
        <translation>{count} Ziele ohne Kennzahl oder Zielwert</translation>
    </message>
    <message>
        <source>{count} timestamp could not be read</source>
        <translation>{count} Zeitstempel konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>{count} timestamps could not be read</source>
        <translation>{count} Zeitstempel konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>{count} finding not tied to an objective</source>
        <translation>{count} Erkenntnis ohne Bezug zu einem Ziel</translation>
    </message>
    <message>
        <source>{count} findings not tied to an objective</source>
        <translation>{count} Erkenntnisse ohne Bezug zu einem Ziel</translation>
    </message>
    <message>
        <source>{count} action without owner or due date</source>
        <translation>{count} Maßnahme ohne Verantwortliche oder Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>{count} actions without owner or due date</source>
        <translation>{count} Maßnahmen ohne Verantwortliche oder Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>{count} shipped action without a release date</source>
        <translation>{count} ausgelieferte Maßnahme ohne Veröffentlichungsdatum</translation>
    </message>
    <message>
        <source>{count} shipped actions without a release date</source>
        <translation>{count} ausgelieferte Maßnahmen ohne Veröffentlichungsdatum</translation>
    </message>
</context>
<context>
    <name>Suspects</name>
    <message>
        <source>user id contains &apos;{word}&apos;</source>
        <translation>Benutzer-ID enthält „{word}“</translation>
    </message>
    <message>
        <source>email contains &apos;{word}&apos;</source>
        <translation>E-Mail enthält „{word}“</translation>
    </message>
    <message>
        <source>{events:,} events ({times:,.0f}× the median user)</source>
        <translation>{events:,} Ereignisse ({times:,.0f}× der Median)</translation>
    </message>
    <message>
        <source>email at {domain} (your own domain)</source>
        <translation>E-Mail bei {domain} (Ihre eigene Domain)</translation>
    </message>
    <message>
        <source>email at {domain}, the domain of {share:.0%} of users</source>
        <translation>E-Mail bei {domain}, der Domain von {share:.0%} der Nutzer</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>There is not enough memory for this; close other programs or use a smaller file.</source>
        <translation>Dafür reicht der Arbeitsspeicher nicht; schließen Sie andere Programme oder verwenden Sie eine kleinere Datei.</translation>
    </message>
    <message>
        <source>Something went wrong: {problem}</source>
        <translation>Etwas ist schiefgelaufen: {problem}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>(no theme)</source>
        <translation>(kein Thema)</translation>
    </message>
    <message>
        <source>Crashes &amp; errors</source>
        <translation>Abstürze &amp; Fehler</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Exports &amp; reports</source>
        <translation>Exporte &amp; Berichte</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{events} in {sessions}</source>
        <translation>{events} in {sessions}</translation>
    </message>
    <message>
        <source>{count} event</source>
        <translation>{count} Ereignis</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} Ereignisse</translation>
    </message>
    <message>
        <source>{count} session</source>
        <translation>{count} Sitzung</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} Sitzungen</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <source>{count} survey answer</source>
        <translation>{count} Umfrageantwort</translation>
    </message>
    <message>
        <source>{count} survey answers</source>
        <translation>{count} Umfrageantworten</translation>
    </message>
    <message>
        <source>{count} payment</source>
        <translation>{count} Zahlung</translation>
    </message>
    <message>
        <source>{count} payments</source>
        <translation>{count} Zahlungen</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Timeline of {user}</source>
        <translation>Zeitleiste von {user}</translation>
    </message>
    <message>
        <source>A line marks each new session: one starts after 30 minutes without an event, as the Sessions analysis counts.</source>
        <translation>Eine Linie markiert jede neue Sitzung: Sie beginnt nach 30 Minuten ohne Ereignis, wie die Analyse „Sitzungen“ zählt.</translation>
    </message>
</context>
<context>
    <name>Warehouse</name>
    <message>
        <source>keep passwords out of the URL: store it once with `usagelens secret set URL` (the OS keychain) or put it in the ULENS_PASSWORD environment variable</source>
        <translation>lassen Sie Passwörter aus der URL heraus: speichern Sie es einmal mit `usagelens secret set URL` (im Schlüsselbund des Systems) oder legen Sie es in die Umgebungsvariable ULENS_PASSWORD</translation>
    </message>
    <message>
        <source>the DuckDB database {path}</source>
        <translation>DuckDB-Datenbank {path}</translation>
    </message>
    <message>
        <source>the MotherDuck database {name}</source>
        <translation>MotherDuck-Datenbank {name}</translation>
    </message>
    <message>
        <source>MotherDuck&apos;s default database</source>
        <translation>Standarddatenbank von MotherDuck</translation>
    </message>
    <message>
        <source>{engine} at {place}, database {database}</source>
        <translation>{engine} auf {place}, Datenbank {database}</translation>
    </message>
    <message>
        <source>{engine} at {place}</source>
        <translation>{engine} auf {place}</translation>
    </message>
    <message>
        <source>the warehouse URL cannot be read: check its host and port (e.g. postgres://user@host:5432/database)</source>
        <translation>die Warehouse-URL kann nicht gelesen werden: prüfen Sie Host und Port (z. B. postgres://user@host:5432/database)</translation>
    </message>
    <message>
        <source>UsageLens cannot read {scheme}:// warehouses (it reads {known})</source>
        <translation>UsageLens kann keine {scheme}://-Warehouses lesen (es liest {known})</translation>
    </message>
    <message>
        <source>the warehouse URL holds a password or token; {advice}</source>
        <translation>die Warehouse-URL enthält ein Passwort oder Token; {advice}</translation>
    </message>
    <message>
        <source>the {engine} URL names no host (e.g. {example})</source>
        <translation>die {engine}-URL nennt keinen Host (z. B. {example})</translation>
    </message>
    <message>
        <source>the BigQuery URL names no dataset after the host</source>
        <translation>die BigQuery-URL nennt nach dem Host kein Dataset</translation>
    </message>
    <message>
        <source>the Databricks URL names no SQL warehouse&apos;s HTTP path after the host</source>
        <translation>die Databricks-URL nennt nach dem Host keinen HTTP-Pfad eines SQL-Warehouse</translation>
    </message>
    <message>
        <source>the DuckDB URL names no database file (e.g. duckdb:///path/to/events.duckdb)</source>
        <translation>die DuckDB-URL nennt keine Datenbankdatei (z. B. duckdb:///pfad/zu/events.duckdb)</translation>
    </message>
    <message>
        <source>there is no DuckDB database file at {path}</source>
        <translation>unter {path} gibt es keine DuckDB-Datenbankdatei</translation>
    </message>
    <message>
        <source>a MotherDuck address names one database (e.g. md:my_database), not {database!r}</source>
        <translation>eine MotherDuck-Adresse nennt eine Datenbank (z. B. md:my_database), nicht {database!r}</translation>
    </message>
    <message>
        <source>MotherDuck needs an access token: keep it in the OS keychain with `usagelens secret set md:` (or the Connect dialog&apos;s password), or put it in the motherduck_token or ULENS_PASSWORD environment variable</source>
        <translation>MotherDuck braucht ein Zugriffstoken: Bewahren Sie es mit `usagelens secret set md:` (oder dem Passwort im Verbinden-Dialog) im Schlüsselbund des Systems auf, oder legen Sie es in die Umgebungsvariable motherduck_token oder ULENS_PASSWORD</translation>
    </message>
    <message>
        <source>Databricks needs a personal access token: keep it in the OS keychain with `usagelens secret set URL` (or the Connect dialog&apos;s password), or put it in the DATABRICKS_TOKEN or ULENS_PASSWORD environment variable</source>
        <translation>Databricks braucht ein persönliches Zugriffstoken: Bewahren Sie es mit `usagelens secret set URL` (oder dem Passwort im Verbinden-Dialog) im Schlüsselbund des Systems auf, oder legen Sie es in die Umgebungsvariable DATABRICKS_TOKEN oder ULENS_PASSWORD</translation>
    </message>
    <message>
        <source>cannot connect to {where}: {reason}{advice}</source>
        <translation>keine Verbindung zu {where}: {reason}{advice}</translation>
    </message>
    <message>
        <source>{asked_by} cannot be read as {dialect} SQL ({problem})</source>
        <translation>{asked_by} lässt sich nicht als {dialect}-SQL lesen ({problem})</translation>
    </message>
    <message>
        <source>{asked_by} takes one SELECT statement, not {count}</source>
        <translation>{asked_by} nimmt eine SELECT-Anweisung, nicht {count}</translation>
    </message>
    <message>
        <source>{asked_by} takes a SELECT (or WITH … SELECT) query only: UsageLens never changes a warehouse</source>
        <translation>{asked_by} nimmt nur eine SELECT-Abfrage (oder WITH … SELECT): UsageLens verändert nie ein Warehouse</translation>
    </message>
    <message>
        <source>{where} refused UsageLens&apos;s session settings: {reason}</source>
        <translation>{where} hat die Sitzungseinstellungen von UsageLens abgelehnt: {reason}</translation>
    </message>
    <message>
        <source> (MotherDuck is reached over the internet: DuckDB first downloads its motherduck extension from extensions.duckdb.org, then connects to MotherDuck)</source>
        <translation> (MotherDuck wird über das Internet erreicht: DuckDB lädt zuerst seine motherduck-Erweiterung von extensions.duckdb.org herunter und verbindet sich dann mit MotherDuck)</translation>
    </message>
    <message>
        <source> (check the password or token: in the app, step 2&apos;s Password…; on the command line, the one kept by `usagelens secret set` or in ULENS_PASSWORD)</source>
        <translation> (prüfen Sie Passwort oder Token: in der App unter Schritt 2, Passwort…; auf der Kommandozeile das mit `usagelens secret set` aufbewahrte oder das in ULENS_PASSWORD)</translation>
    </message>
    <message>
        <source>DuckDB files</source>
        <translation>DuckDB-Dateien</translation>
    </message>
    <message>
        <source>{some} and {last}</source>
        <translation>{some} und {last}</translation>
    </message>
    <message>
        <source>this installed UsageLens reads {warehouses}: reading {engine} needs its driver, which UsageLens installed from its source with pip and its warehouses extra brings (pip install &apos;.[warehouses]&apos;)</source>
        <translation>dieses installierte UsageLens liest {warehouses}: Um {engine} zu lesen, braucht es dessen Treiber, den ein aus dem Quellcode mit pip und dem Extra „warehouses“ installiertes UsageLens mitbringt (pip install &apos;.[warehouses]&apos;)</translation>
    </message>
    <message>
        <source>reading {engine} needs its driver: pip install &apos;ibis-framework[{extra}]&apos;</source>
        <translation>um {engine} zu lesen, braucht es dessen Treiber: pip install &apos;ibis-framework[{extra}]&apos;</translation>
    </message>
    <message>
        <source>there is no table or view {name!r} in {where}</source>
        <translation>in {where} gibt es keine Tabelle oder Sicht {name!r}</translation>
    </message>
    <message>
        <source>{where} did not open table {name!r}: {reason}</source>
        <translation>{where} hat die Tabelle {name!r} nicht geöffnet: {reason}</translation>
    </message>
    <message>
        <source>no table in {where} matches {name!r}</source>
        <translation>keine Tabelle in {where} passt zu {name!r}</translation>
    </message>
    <message>
        <source>the tables matching {name!r} in {where} do not all have the same columns</source>
        <translation>die zu {name!r} passenden Tabellen in {where} haben nicht alle dieselben Spalten</translation>
    </message>
    <message>
        <source>{where} refused the --sql query: {reason}</source>
        <translation>{where} hat die SQL-Abfrage abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>this table is not {preset} (it has no column {columns}): leave --preset {name} out and name the columns with --user, --time, --event</source>
        <translation>diese Tabelle ist nicht {preset} (ihr fehlt die Spalte {columns}): Wählen Sie kein bekanntes Schema und nennen Sie die Spalten selbst</translation>
    </message>
    <message>
        <source>property {name!r} would hide the table&apos;s own column {column!r}</source>
        <translation>die Eigenschaft {name!r} würde die tabelleneigene Spalte {column!r} verdecken</translation>
    </message>
    <message>
        <source>there is no property {name!r} in GA4&apos;s {record} record</source>
        <translation>im GA4-Datensatz {record} gibt es keine Eigenschaft {name!r}</translation>
    </message>
    <message>
        <source>GA4&apos;s BigQuery export (events_*)</source>
        <translation>BigQuery-Export von GA4 (events_*)</translation>
    </message>
    <message>
        <source>there is no property {name!r} among the tracks table&apos;s columns</source>
        <translation>unter den Spalten der tracks-Tabelle gibt es keine Eigenschaft {name!r}</translation>
    </message>
    <message>
        <source>Segment&apos;s tracks table</source>
        <translation>tracks-Tabelle von Segment</translation>
    </message>
    <message>
        <source>the PostHog preset reads JSON properties on {engines} only, not on {engine}</source>
        <translation>das PostHog-Schema liest JSON-Eigenschaften nur auf {engines}, nicht auf {engine}</translation>
    </message>
    <message>
        <source>a property name cannot hold quotes or backslashes: {name!r}</source>
        <translation>ein Eigenschaftsname darf keine Anführungszeichen oder Backslashes enthalten: {name!r}</translation>
    </message>
    <message>
        <source>PostHog&apos;s events table</source>
        <translation>events-Tabelle von PostHog</translation>
    </message>
    <message>
        <source>BigQuery did not estimate the query&apos;s size: {reason}</source>
        <translation>BigQuery hat die Größe der Abfrage nicht geschätzt: {reason}</translation>
    </message>
    <message>
        <source>this computer has no keychain UsageLens can use (on Linux it needs a Secret Service such as GNOME Keyring or KWallet); put the password in the {variable} environment variable instead</source>
        <translation>dieser Computer hat keinen Schlüsselbund, den UsageLens nutzen kann (unter Linux braucht es einen Secret Service wie GNOME Keyring oder KWallet); legen Sie das Passwort stattdessen in die Umgebungsvariable {variable}</translation>
    </message>
    <message>
        <source>no password given: nothing was stored</source>
        <translation>kein Passwort angegeben: nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>the keychain did not keep the password ({problem})</source>
        <translation>der Schlüsselbund hat das Passwort nicht aufbewahrt ({problem})</translation>
    </message>
    <message>
        <source>the keychain did not remove the password ({problem})</source>
        <translation>der Schlüsselbund hat das Passwort nicht entfernt ({problem})</translation>
    </message>
    <message>
        <source>UsageLens cannot run its metrics on a {engine} connection</source>
        <translation>UsageLens kann seine Metriken nicht auf einer {engine}-Verbindung berechnen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&lt;b&gt;1–2.&lt;/b&gt; Say what you want to learn and which KPI shows it; import the exports of your analytics tool, CRM and surveys.</source>
        <translation>&lt;b&gt;1–2.&lt;/b&gt; Sagen Sie, was Sie erfahren wollen und welche Kennzahl es zeigt; importieren Sie die Exporte Ihres Analyse-Tools, CRM und Ihrer Umfragen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;3–4.&lt;/b&gt; Clean them with a recipe you can replay on next month&apos;s export; analyse trends, funnels, retention, paths, segments and feedback.</source>
        <translation>&lt;b&gt;3–4.&lt;/b&gt; Bereinigen Sie sie mit einem Rezept, das sich auf den Export des nächsten Monats anwenden lässt; analysieren Sie Trends, Funnels, Bindung, Pfade, Segmente und Feedback.</translation>
    </message>
    <message>
        <source>&lt;b&gt;5–8.&lt;/b&gt; Pin what you find, plan actions with owners and expected impact, mark what shipped, and review targets against actuals — then print the summary for your stakeholders.</source>
        <translation>&lt;b&gt;5–8.&lt;/b&gt; Halten Sie Erkenntnisse fest, planen Sie Maßnahmen mit Verantwortlichen und erwarteter Wirkung, markieren Sie, was ausgeliefert wurde, und vergleichen Sie Ziele mit Ist-Werten — dann drucken Sie die Zusammenfassung für Ihre Stakeholder.</translation>
    </message>
    <message>
        <source>{name} — moved or deleted</source>
        <translation>{name} — verschoben oder gelöscht</translation>
    </message>
    <message>
        <source>Welcome to UsageLens</source>
        <translation>Willkommen bei UsageLens</translation>
    </message>
    <message>
        <source>Understand how customers use your product: from the exports you already have to findings, an action plan and a summary for your stakeholders. Your data stays on this computer.</source>
        <translation>Verstehen Sie, wie Kunden Ihr Produkt nutzen: von den Exporten, die Sie schon haben, zu Erkenntnissen, einem Maßnahmenplan und einer Zusammenfassung für Ihre Stakeholder. Ihre Daten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Demo-Projekt öffnen</translation>
    </message>
    <message>
        <source>A product with six months of events, customers, surveys and revenue, taken through all 8 steps</source>
        <translation>Ein Produkt mit sechs Monaten Ereignissen, Kunden, Umfragen und Umsatz, durch alle 8 Schritte geführt</translation>
    </message>
    <message>
        <source>Import a first export…</source>
        <translation>Einen ersten Export importieren…</translation>
    </message>
    <message>
        <source>CSV, Excel, JSON or Parquet from an analytics tool, CRM or survey</source>
        <translation>CSV, Excel, JSON oder Parquet aus einem Analyse-Tool, CRM oder einer Umfrage</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>Ein Projekt öffnen…</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>Leeres Projekt beginnen</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>No recent projects yet: the demo is a good place to start.</source>
        <translation>Noch keine zuletzt geöffneten Projekte: Die Demo ist ein guter Anfang.</translation>
    </message>
    <message>
        <source>The method in three lines</source>
        <translation>Die Methode in drei Zeilen</translation>
    </message>
</context>
</TS>
