package se.samverkan.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process LDAP directory for the sync's tests (UnboundID's InMemoryDirectoryServer, no schema
 * checking so that Active Directory's attributes fit) on a fixed free port, so it can go down and
 * come back. Its interceptor plays what a real directory does: Active Directory's range retrieval
 * of large member attributes, and on request the failures the sync must survive (an error in the
 * second page, a size limit after half the entries, a continuation reference, a slow answer).
 */
final class TestDirectory {

  enum Failure { NONE, SECOND_PAGE_FAILS, SIZE_LIMIT_AFTER_HALF, REFERENCE }

  final String base;
  final int port;
  private final InMemoryDirectoryServer server;
  private volatile Failure failure = Failure.NONE;
  /** Groups whose member attribute is handed out in ranges of this size, as AD does above 1,500. */
  private final Map<String, Integer> rangedGroups = new ConcurrentHashMap<>();
  private final Map<String, Integer> requestedRangeStart = new ConcurrentHashMap<>();
  private volatile CountDownLatch pause;
  private volatile CountDownLatch paused;
  volatile int rangeRequests;

  TestDirectory(String base) {
    this.base = base;
    try {
      this.port = freePort();
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
      config.setSchema(null);
      config.addAdditionalBindCredentials("cn=samverkan," + base, "tjänstelösen");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
      config.addInMemoryOperationInterceptor(new Interceptor());
      server = new InMemoryDirectoryServer(config);
      server.add(new Entry(base, new Attribute("objectClass", "top", "domain"),
          new Attribute(new DN(base).getRDN().getAttributeNames()[0], new DN(base).getRDN().getAttributeValues()[0])));
      server.startListening();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "ldap://localhost:" + port;
  }

  void add(String dn, String... attributes) {
    List<Attribute> list = new ArrayList<>();
    for (String a : attributes) {
      int colon = a.indexOf(':');
      list.add(new Attribute(a.substring(0, colon), a.substring(colon + 1)));
    }
    try {
      server.add(new Entry(dn, list));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void ou(String name) {
    add("ou=" + name + "," + base, "objectClass:organizationalUnit", "ou:" + name);
  }

  /** An Active Directory user under ou=Personal. */
  String adUser(String id, String first, String last, int userAccountControl) {
    String dn = "cn=" + id + ",ou=Personal," + base;
    add(dn, "objectClass:user", "sAMAccountName:" + id, "givenName:" + first, "sn:" + last, "mail:" + id + "@example.se",
        "userAccountControl:" + userAccountControl);
    return dn;
  }

  /** An OpenLDAP user under ou=people (or another ou). */
  String person(String ou, String uid, String first, String last) {
    String dn = "uid=" + uid + ",ou=" + ou + "," + base;
    add(dn, "objectClass:inetOrgPerson", "uid:" + uid, "givenName:" + first, "sn:" + last, "cn:" + first + " " + last,
        "mail:" + uid + "@example.se");
    return dn;
  }

  String group(String dn, String objectClass, String... members) {
    List<Attribute> list = new ArrayList<>(List.of(new Attribute("objectClass", objectClass)));
    if (members.length > 0) {
      list.add(new Attribute("member", members));
    }
    try {
      server.add(new Entry(dn, list));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
    return dn;
  }

  void addMember(String group, String member) {
    modify(group, new Modification(ModificationType.ADD, "member", member));
  }

  void removeMember(String group, String member) {
    modify(group, new Modification(ModificationType.DELETE, "member", member));
  }

  void replace(String dn, String attribute, String value) {
    modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
  }

  void delete(String dn) {
    try {
      server.delete(dn);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private void modify(String dn, Modification modification) {
    try {
      server.modify(dn, modification);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  void rangeRetrieval(String groupDn, int step) {
    rangedGroups.put(normalized(groupDn), step);
  }

  void fail(Failure failure) {
    this.failure = failure;
  }

  void goDown() {
    server.shutDown(true);
  }

  void comeBack() {
    try {
      server.startListening();
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next user search waits until {@link #resume()}; returns a latch that opens once it waits. */
  CountDownLatch pauseUserSearches() {
    paused = new CountDownLatch(1);
    pause = new CountDownLatch(1);
    return paused;
  }

  void resume() {
    CountDownLatch p = pause;
    pause = null;
    if (p != null) {
      p.countDown();
    }
  }

  private static String normalized(String dn) {
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private final class Interceptor extends InMemoryOperationInterceptor {

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
      boolean userSearch = request.getRequest().getScope() == SearchScope.SUB;
      if (userSearch && pause != null) {
        CountDownLatch p = pause;
        paused.countDown();
        try {
          p.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (userSearch && failure == Failure.SECOND_PAGE_FAILS) {
        Control control = request.getRequest().getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        SimplePagedResultsControl paged = control == null ? null : new SimplePagedResultsControl(
            control.getOID(), control.isCritical(), control.getValue());
        if (paged != null && paged.getCookie() != null && paged.getCookie().getValueLength() > 0) {
          throw new LDAPException(ResultCode.OTHER, "test: fel i sida 2");
        }
      }
      if (userSearch && failure == Failure.REFERENCE) {
        request.sendSearchReference(new SearchResultReference(new String[] {"ldap://annan.example.se/" + base},
            new Control[0]));
      }
      String[] attributes = request.getRequest().getAttributeList().toArray(String[]::new);
      List<String> rewritten = new ArrayList<>();
      for (String attribute : attributes) {
        if (attribute.toLowerCase().startsWith("member;range=")) {
          String range = attribute.substring("member;range=".length());
          requestedRangeStart.put(key(request.getConnectionID(), request.getMessageID()),
              Integer.parseInt(range.substring(0, range.indexOf('-'))));
          rewritten.add("member");
          rangeRequests++;
        } else {
          rewritten.add(attribute);
        }
      }
      if (!Arrays.equals(attributes, rewritten.toArray())) {
        com.unboundid.ldap.sdk.SearchRequest copy = request.getRequest().duplicate();
        copy.setAttributes(rewritten);
        request.setRequest(copy);
      }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
      Entry original = entry.getSearchEntry();
      String dn;
      try {
        dn = original.getParsedDN().toNormalizedString();
      } catch (LDAPException e) {
        return;
      }
      Integer step = rangedGroups.get(dn);
      Attribute member = original.getAttribute("member");
      if (step == null || member == null) {
        return;
      }
      int start = requestedRangeStart.getOrDefault(key(entry.getConnectionID(), entry.getMessageID()), 0);
      String[] values = member.getValues();
      int end = Math.min(values.length, start + step);
      String name = "member;range=" + start + "-" + (end >= values.length ? "*" : String.valueOf(end - 1));
      Entry copy = original.duplicate();
      copy.removeAttribute("member");
      copy.addAttribute(new Attribute(name, Arrays.copyOfRange(values, Math.min(start, values.length), end)));
      entry.setSearchEntry(copy);
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
      requestedRangeStart.remove(key(result.getConnectionID(), result.getMessageID()));
      if (failure == Failure.SIZE_LIMIT_AFTER_HALF && result.getRequest().getScope() == SearchScope.SUB) {
        result.setResult(new LDAPResult(result.getMessageID(), ResultCode.SIZE_LIMIT_EXCEEDED,
            "test: storleksgränsen nådd", null, (String[]) null, (Control[]) null));
      }
    }
  }

  private static String key(long connection, int message) {
    return connection + ":" + message;
  }

  static Set<String> none() {
    return Set.of();
  }
}
