<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Understand how customers use your product, from exports to findings, actions and a summary for stakeholders.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: no network access, no telemetry.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verstehen Sie, wie Kunden Ihr Produkt nutzen – von Exporten zu Erkenntnissen, Maßnahmen und einer Zusammenfassung für Stakeholder.&lt;/p&gt;&lt;p&gt;Alles bleibt auf diesem Computer: kein Netzwerkzugriff, keine Telemetrie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Third-party software&lt;/b&gt;</source>
        <translation>&lt;b&gt;Software von Drittanbietern&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>AnalysePage</name>
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
        <translation>Als Kennzahl verwenden</translation>
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
        <source>Add an objective in step 1 first</source>
        <translation>Zuerst in Schritt 1 ein Ziel anlegen</translation>
    </message>
    <message>
        <source>Pin this row as a finding</source>
        <translation>Diese Zeile als Erkenntnis festhalten</translation>
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
        <source>Give the cohort a name.</source>
        <translation>Geben Sie der Kohorte einen Namen.</translation>
    </message>
    <message>
        <source>There is already a cohort named “{name}”.</source>
        <translation>Es gibt schon eine Kohorte namens „{name}“.</translation>
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
        <source>Cannot be analysed: {reason} (map it in step 2).</source>
        <translation>Kann nicht analysiert werden: {reason} (in Schritt 2 zuordnen).</translation>
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
        <source>Score scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Choose the column for: {roles}.</source>
        <translation>Wählen Sie die Spalte für: {roles}.</translation>
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
        <translation>Mit einem &amp;Warehouse verbinden…</translation>
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
        <source>Cannot write the PDF</source>
        <translation>Das PDF kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exported {name} ({pages})</source>
        <translation>{name} exportiert ({pages})</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Zusammenfassung drucken</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
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
        <source>Objectives: where each KPI started, where it is, where it should get to</source>
        <translation>Ziele: wo jede Kennzahl begann, wo sie steht, wohin sie soll</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>Überprüfung festhalten</translation>
    </message>
    <message>
        <source>Refresh data…</source>
        <translation>Daten aktualisieren…</translation>
    </message>
    <message>
        <source>Load the new export of each source, then record a review measured on it, so this turn of the loop can be compared with the last</source>
        <translation>Den neuen Export jeder Quelle laden und dann eine darauf gemessene Überprüfung festhalten, damit sich diese Runde mit der letzten vergleichen lässt</translation>
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
