<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/import_dialog.py" line="+107" />
        <source>%n file(s) or folder(s): %1</source>
        <translation>
            <numerusform>%n file or folder: %1</numerusform><numerusform>%n files or folders: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message numerus="yes">
        <location line="+98" />
        <source>Imported %n recording(s).</source>
        <translation>
            <numerusform>Imported %n recording.</numerusform><numerusform>Imported %n recordings.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n file(s) already in the library were skipped.</source>
        <translation>
            <numerusform>%n file already in the library were skipped.</numerusform><numerusform>%n files already in the library were skipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n file could not be imported:</numerusform><numerusform>%n files could not be imported:</numerusform></translation>
    </message>
</context>
<context>
    <name>JobsTableModel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/qtmodels/jobs.py" line="+168" />
        <source>Attempt %n</source>
        <translation>
            <numerusform>Attempt %n</numerusform><numerusform>Attempt %n</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/main_window.py" line="+254" />
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform><numerusform>%n interactions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n reviewed</numerusform><numerusform>%n reviewed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+47" />
        <source>Queued %n call(s) for transcription.</source>
        <translation>
            <numerusform>Queued %n call for transcription.</numerusform><numerusform>Queued %n calls for transcription.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+143" />
        <source>Imported %n recording(s).</source>
        <translation>
            <numerusform>Imported %n recording.</numerusform><numerusform>Imported %n recordings.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/reports_screen.py" line="+353" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+54" />
        <source>Wrote %n report(s) to %1</source>
        <translation>
            <numerusform>Wrote %n report to %1</numerusform><numerusform>Wrote %n reports to %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Cancelled after %n report(s)</source>
        <translation>
            <numerusform>Cancelled after %n report</numerusform><numerusform>Cancelled after %n reports</numerusform></translation>
    </message>
</context>
<context>
    <name>TranscriptionPanel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/transcription_panel.py" line="+297" />
        <source>%n call(s) waiting</source>
        <translation>
            <numerusform>%n call waiting</numerusform><numerusform>%n calls waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
</context>
</TS>