<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AgreementScreen</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/agreement_screen.py" line="+162" />
        <source>%n reviewed evaluation(s) compared</source>
        <translation>
            <numerusform>%n reviewed evaluation compared</numerusform><numerusform>%n reviewed evaluations compared</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n criterion(s) below the threshold</source>
        <translation>
            <numerusform>%n criterion below the threshold</numerusform><numerusform>%n criterions below the threshold</numerusform></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/plan_forms.py" line="+173" />
        <source>%n item(s) chosen</source>
        <translation>
            <numerusform>%n item chosen</numerusform><numerusform>%n items chosen</numerusform></translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/qtmodels/attachments.py" line="+104" />
        <source>evidence: %n</source>
        <translation>
            <numerusform>evidence: %n</numerusform><numerusform>evidence: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/backup_flow.py" line="+73" />
        <source>%n library file(s) included.</source>
        <translation>
            <numerusform>%n library file included.</numerusform><numerusform>%n library files included.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n file(s) the database lists are missing from the library:</source>
        <translation>
            <numerusform>%n file the database lists are missing from the library:</numerusform><numerusform>%n files the database lists are missing from the library:</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>%n library file(s) do not match their hash (damaged):</source>
        <translation>
            <numerusform>%n library file do not match their hash (damaged):</numerusform><numerusform>%n library files do not match their hash (damaged):</numerusform></translation>
    </message>
</context>
<context>
    <name>CallLogResultDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/calllog_import_flow.py" line="+44" />
        <source>Imported %n call(s).</source>
        <translation>
            <numerusform>Imported %n call.</numerusform><numerusform>Imported %n calls.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Skipped %n call(s) imported before.</source>
        <translation>
            <numerusform>Skipped %n call imported before.</numerusform><numerusform>Skipped %n calls imported before.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Linked %n call(s) to their recordings.</source>
        <translation>
            <numerusform>Linked %n call to their recordings.</numerusform><numerusform>Linked %n calls to their recordings.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Answered call(s) without a recording: %n.</source>
        <translation>
            <numerusform>Answered call without a recording: %n.</numerusform><numerusform>Answered calls without a recording: %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Recording(s) that match no call of the log: %n.</source>
        <translation>
            <numerusform>Recording that match no call of the log: %n.</numerusform><numerusform>Recordings that match no call of the log: %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Not imported: %n row(s) or file(s).</source>
        <translation>
            <numerusform>Not imported: %n row or file.</numerusform><numerusform>Not imported: %n rows or files.</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatImportDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/chat_import_dialog.py" line="+234" />
        <source>%1 (%n message(s))</source>
        <translation>
            <numerusform>%1 (%n message)</numerusform><numerusform>%1 (%n messages)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+81" />
        <source>%n file(s) or folder(s): %1</source>
        <translation>
            <numerusform>%n file or folder: %1</numerusform><numerusform>%n files or folders: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatImportResultDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/chat_import_flow.py" line="+48" />
        <source>Imported %n chat(s).</source>
        <translation>
            <numerusform>Imported %n chat.</numerusform><numerusform>Imported %n chats.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n file(s) were imported before and were skipped.</source>
        <translation>
            <numerusform>%n file were imported before and were skipped.</numerusform><numerusform>%n files were imported before and were skipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problem:</numerusform><numerusform>%n problems:</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n warning:</numerusform><numerusform>%n warnings:</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/chat_view.py" line="+334" />
        <source>%n late answer(s)</source>
        <translation>
            <numerusform>%n late answer</numerusform><numerusform>%n late answers</numerusform></translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/checklist_form.py" line="+540" />
        <source>%n criterion(s) unanswered.</source>
        <translation>
            <numerusform>%n criterion unanswered.</numerusform><numerusform>%n criterions unanswered.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n of them critical (★).</source>
        <translation>
            <numerusform>%n of them critical (★).</numerusform><numerusform>%n of them critical (★).</numerusform></translation>
    </message>
</context>
<context>
    <name>ConsultantsDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/consultants_dialog.py" line="+205" />
        <source>Move %n interaction(s) of %1 to %2 and delete %1? This cannot be undone.</source>
        <translation>
            <numerusform>Move %n interaction of %1 to %2 and delete %1? This cannot be undone.</numerusform><numerusform>Move %n interactions of %1 to %2 and delete %1? This cannot be undone.</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/import_dialog.py" line="+113" />
        <source>%n file(s) or folder(s): %1</source>
        <translation>
            <numerusform>%n file or folder: %1</numerusform><numerusform>%n files or folders: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message numerus="yes">
        <location line="+140" />
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
        <location filename="../../qcdesk/qtmodels/jobs.py" line="+158" />
        <source>Attempt %n</source>
        <translation>
            <numerusform>Attempt %n</numerusform><numerusform>Attempt %n</numerusform></translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/list_actions.py" line="+108" />
        <source>Assigned %n interaction(s).</source>
        <translation>
            <numerusform>Assigned %n interaction.</numerusform><numerusform>Assigned %n interactions.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>%n interaction(s) could not be marked:</source>
        <translation>
            <numerusform>%n interaction could not be marked:</numerusform><numerusform>%n interactions could not be marked:</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Marked %n interaction(s).</source>
        <translation>
            <numerusform>Marked %n interaction.</numerusform><numerusform>Marked %n interactions.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Mark %n interaction(s) as reviewed? Their forms are signed off as they are now; suggestions left in place count as the reviewer's answers.</source>
        <translation>
            <numerusform>Mark %n interaction as reviewed? Their forms are signed off as they are now; suggestions left in place count as the reviewer's answers.</numerusform><numerusform>Mark %n interactions as reviewed? Their forms are signed off as they are now; suggestions left in place count as the reviewer's answers.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Mark %n interaction(s) as not reviewed? They leave the reports until they are reviewed again.</source>
        <translation>
            <numerusform>Mark %n interaction as not reviewed? They leave the reports until they are reviewed again.</numerusform><numerusform>Mark %n interactions as not reviewed? They leave the reports until they are reviewed again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+50" />
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform><numerusform>Exported %n rows to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/main_window.py" line="+355" />
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
        <location line="+49" />
        <source>Queued %n call(s) for transcription.</source>
        <translation>
            <numerusform>Queued %n call for transcription.</numerusform><numerusform>Queued %n calls for transcription.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+381" />
        <source>Imported %n recording(s).</source>
        <translation>
            <numerusform>Imported %n recording.</numerusform><numerusform>Imported %n recordings.</numerusform></translation>
    </message>
</context>
<context>
    <name>MeetingPackDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/meeting_dialog.py" line="+186" />
        <source>%1 already holds a meeting pack (%n file(s)). Replace it?</source>
        <translation>
            <numerusform>%1 already holds a meeting pack (%n file). Replace it?</numerusform><numerusform>%1 already holds a meeting pack (%n files). Replace it?</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+34" />
        <source>Wrote %1 and %n audio clip(s).</source>
        <translation>
            <numerusform>Wrote %1 and %n audio clip.</numerusform><numerusform>Wrote %1 and %n audio clips.</numerusform></translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/metrics_panel.py" line="+72" />
        <source>Average over %n interaction(s) of the team «{team}»</source>
        <translation>
            <numerusform>Average over %n interaction of the team «{team}»</numerusform><numerusform>Average over %n interactions of the team «{team}»</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Average over %n interaction(s) of «{client}»</source>
        <translation>
            <numerusform>Average over %n interaction of «{client}»</numerusform><numerusform>Average over %n interactions of «{client}»</numerusform></translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/plans_screen.py" line="+225" />
        <source>%n item(s) to review</source>
        <translation>
            <numerusform>%n item to review</numerusform><numerusform>%n items to review</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/reports_screen.py" line="+378" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+42" />
        <source>%n report(s) for this month already exist in %1. Replace them?</source>
        <translation>
            <numerusform>%n report for this month already exist in %1. Replace them?</numerusform><numerusform>%n reports for this month already exist in %1. Replace them?</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+33" />
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
    <name>RescoreDialog</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/template_switch.py" line="+59" />
        <source>Answers kept: %n</source>
        <translation>
            <numerusform>Answers kept: %n</numerusform><numerusform>Answers kept: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>SectionFields</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/template_editor_fields.py" line="+155" />
        <source>%n criterion/criteria</source>
        <translation>
            <numerusform>%n criterion/criteria</numerusform><numerusform>%n criterion/criteria</numerusform></translation>
    </message>
</context>
<context>
    <name>SuggestionsBar</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/suggestions_bar.py" line="+74" />
        <source>Accept all (%n)</source>
        <translation>
            <numerusform>Accept all (%n)</numerusform><numerusform>Accept all (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/template_editor.py" line="+364" />
        <source>%n problem(s) to fix before publishing</source>
        <translation>
            <numerusform>%n problem to fix before publishing</numerusform><numerusform>%n problems to fix before publishing</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+70" />
        <source>Fix %n problem(s) before publishing</source>
        <translation>
            <numerusform>Fix %n problem before publishing</numerusform><numerusform>Fix %n problems before publishing</numerusform></translation>
    </message>
</context>
<context>
    <name>TranscriptionPanel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/widgets/transcription_panel.py" line="+156" />
        <source>The transcript of this call has %n corrected segment(s).</source>
        <translation>
            <numerusform>The transcript of this call has %n corrected segment.</numerusform><numerusform>The transcript of this call has %n corrected segments.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n of the selected calls have corrected transcripts.</source>
        <translation>
            <numerusform>%n of the selected calls have corrected transcripts.</numerusform><numerusform>%n of the selected calls have corrected transcripts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>(%n corrected segment(s) in all.)</source>
        <translation>
            <numerusform>(%n corrected segment in all.)</numerusform><numerusform>(%n corrected segments in all.)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+187" />
        <source>%n call(s) being transcribed</source>
        <translation>
            <numerusform>%n call being transcribed</numerusform><numerusform>%n calls being transcribed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n call(s) waiting</source>
        <translation>
            <numerusform>%n call waiting</numerusform><numerusform>%n calls waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
</context>
</TS>