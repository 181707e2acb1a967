package se.samverkan.notification;

/** What a mail is about; mails of one kind to one person are bundled into one message. */
public enum MailKind {
  NEW_TASK("Ny uppgift i Samverkan", "%d nya uppgifter i Samverkan"),
  REMINDER("Påminnelse från Samverkan", "Påminnelse: %d uppgifter väntar i Samverkan"),
  ESCALATION("Eskalerad uppgift i Samverkan", "Eskalerat: %d uppgifter har stannat av i Samverkan"),
  HANDOVER("Överlämning i Samverkan", "%d överlämningar i Samverkan"),
  STAFFING_REPORT("Bemanningsrapport från Samverkan", "Bemanningsrapporter från Samverkan (%d)"),
  DIRECTORY_HELD("Katalogsynkroniseringen har hållits inne", "Katalogsynkroniseringen har hållits inne (%d)");

  private final String singleSubject;
  private final String bundleSubject;

  MailKind(String singleSubject, String bundleSubject) {
    this.singleSubject = singleSubject;
    this.bundleSubject = bundleSubject;
  }

  public String singleSubject() {
    return singleSubject;
  }

  public String bundleSubject(int count) {
    return bundleSubject.formatted(count);
  }
}
