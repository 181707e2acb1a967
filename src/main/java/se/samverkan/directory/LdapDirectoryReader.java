package se.samverkan.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.samverkan.engine.EngineSettings;

/**
 * Reads one LDAP source completely, or not at all: its users (paged search), their account state
 * and the members of the groups its functions are mapped to (nested groups followed, large member
 * attributes read in ranges as Active Directory hands them out). Anything short of a complete
 * answer (unreachable, bind refused, a result other than SUCCESS in any page, a size or time limit,
 * a referral or continuation reference, a mapped group that does not exist) is a
 * {@link DirectoryUnavailableException}, so that nobody is taken for a leaver because the directory
 * answered half. Built on the UnboundID LDAP SDK; TLS with the JVM's default trust store and host
 * name verification.
 */
class LdapDirectoryReader {

  /** Deeper nesting than this is not followed (AD allows cycles; they are stopped by the visited set). */
  static final int MAX_NESTING = 16;
  static final int MAX_USER_ID_LENGTH = 64;
  private static final Set<String> GROUP_CLASSES = Set.of("group", "groupofnames", "groupofuniquenames");

  /** One user as the directory has them. */
  record DirectoryUser(String userId, String dn, String firstName, String lastName, String email, AccountState state) {}

  /** A user entry that cannot become a Samverkan user (id too long, not an allowed id, missing, twice). */
  record Refusal(String userId, String detail) {}

  /**
   * The whole source at one moment.
   *
   * @param users by user id
   * @param holders function (group id) → the user ids its directory group holds, nested groups resolved
   */
  record Snapshot(Map<String, DirectoryUser> users, Map<String, Set<String>> holders, List<Refusal> refused) {}

  Snapshot read(DirectorySettings.Source source, Instant now) throws DirectoryUnavailableException {
    DirectorySettings.Ldap ldap = source.ldap();
    try (LDAPConnection connection = connect(ldap)) {
      List<Refusal> refused = new ArrayList<>();
      Map<DN, DirectoryUser> usersByDn = readUsers(connection, ldap, now, refused);
      Map<String, DirectoryUser> users = new TreeMap<>();
      usersByDn.values().forEach(u -> users.put(u.userId(), u));
      Map<String, Set<String>> holders = new TreeMap<>();
      for (Map.Entry<String, String> mapping : new TreeMap<>(source.functions()).entrySet()) {
        Set<String> ids = new LinkedHashSet<>();
        DN group = dn(mapping.getValue());
        List<String> members = readMembers(connection, ldap, group);
        if (members == null) {
          throw new DirectoryUnavailableException("gruppen " + mapping.getValue() + " (funktionen " + mapping.getKey()
              + ") finns inte i katalogen");
        }
        Set<DN> visited = new HashSet<>(List.of(group));
        collect(connection, ldap, members, usersByDn, visited, 1, ids);
        holders.put(mapping.getKey(), ids);
      }
      return new Snapshot(users, holders, refused);
    } catch (LDAPException e) {
      throw new DirectoryUnavailableException(describe(e), e);
    }
  }

  private LDAPConnection connect(DirectorySettings.Ldap ldap) throws LDAPException, DirectoryUnavailableException {
    LDAPURL url = new LDAPURL(ldap.url());
    int timeout = (int) Math.min(Integer.MAX_VALUE, ldap.timeout().toMillis());
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(timeout);
    options.setResponseTimeoutMillis(timeout);
    options.setFollowReferrals(false);
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    SSLUtil tls = new SSLUtil(JVMDefaultTrustManager.getInstance());
    LDAPConnection connection;
    try {
      if ("ldaps".equalsIgnoreCase(url.getScheme())) {
        connection = new LDAPConnection(tls.createSSLSocketFactory(), options, url.getHost(), url.getPort());
      } else {
        connection = new LDAPConnection(options, url.getHost(), url.getPort());
        if (ldap.startTls()) {
          ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext()));
          if (started.getResultCode() != ResultCode.SUCCESS) {
            connection.close();
            throw new DirectoryUnavailableException("StartTLS nekades: " + started.getResultCode());
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new DirectoryUnavailableException("TLS kunde inte förberedas: " + e.getMessage(), e);
    }
    try {
      if (ldap.bindDn() != null && !ldap.bindDn().isBlank()) {
        connection.bind(ldap.bindDn(), ldap.bindPassword() == null ? "" : ldap.bindPassword());
      }
      return connection;
    } catch (LDAPException e) {
      connection.close();
      throw e;
    }
  }

  private Map<DN, DirectoryUser> readUsers(LDAPConnection connection, DirectorySettings.Ldap ldap, Instant now,
      List<Refusal> refused) throws LDAPException, DirectoryUnavailableException {
    Filter disabled = ldap.disabledFilter() == null ? null : Filter.create(ldap.disabledFilter());
    Set<String> attributes = new LinkedHashSet<>(List.of(ldap.userIdAttribute(), ldap.firstNameAttribute(),
        ldap.lastNameAttribute(), ldap.emailAttribute()));
    if (ldap.activeDirectory()) {
      attributes.addAll(List.of("userAccountControl", "accountExpires"));
    }
    if (disabled != null) {
      attributeNames(disabled, attributes);
    }
    Map<DN, DirectoryUser> users = new LinkedHashMap<>();
    Map<String, DN> seenIds = new HashMap<>();
    ASN1OctetString cookie = null;
    int page = 0;
    do {
      page++;
      SearchRequest request = new SearchRequest(ldap.userBase(), SearchScope.SUB, ldap.userFilter(),
          attributes.toArray(String[]::new));
      request.setTimeLimitSeconds(seconds(ldap));
      request.setResponseTimeoutMillis(ldap.timeout().toMillis());
      request.addControl(new SimplePagedResultsControl(ldap.pageSize(), cookie, true));
      SearchResult result = connection.search(request);
      requireComplete(result, "användarsökningen, sida " + page);
      for (SearchResultEntry entry : result.getSearchEntries()) {
        String userId = entry.getAttributeValue(ldap.userIdAttribute());
        String problem = userIdProblem(userId, ldap.userIdAttribute());
        if (problem == null && seenIds.containsKey(userId)) {
          problem = "användar-id:t finns på två poster i katalogen (" + seenIds.get(userId) + ")";
        }
        if (problem != null) {
          refused.add(new Refusal(userId != null && userId.length() <= MAX_USER_ID_LENGTH ? userId : null,
              entry.getDN() + ": " + problem));
          continue;
        }
        DN dn = entry.getParsedDN();
        seenIds.put(userId, dn);
        users.put(dn, new DirectoryUser(userId, entry.getDN(), entry.getAttributeValue(ldap.firstNameAttribute()),
            entry.getAttributeValue(ldap.lastNameAttribute()), entry.getAttributeValue(ldap.emailAttribute()),
            state(entry, ldap, disabled, now)));
      }
      SimplePagedResultsControl answer = SimplePagedResultsControl.get(result);
      cookie = answer == null ? null : answer.getCookie();
    } while (cookie != null && cookie.getValueLength() > 0);
    return users;
  }

  static String userIdProblem(String userId, String attribute) {
    if (userId == null || userId.isBlank()) {
      return "attributet " + attribute + " saknas";
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      return "användar-id:t är " + userId.length() + " tecken, motorn tar högst " + MAX_USER_ID_LENGTH + " ("
          + userId.substring(0, 40) + "…)";
    }
    if (!userId.matches(EngineSettings.USER_ID_PATTERN)) {
      return "användar-id:t «" + userId + "» har andra tecken än a-z, 0-9 och . _ @ -";
    }
    return null;
  }

  private static AccountState state(SearchResultEntry entry, DirectorySettings.Ldap ldap, Filter disabled, Instant now)
      throws LDAPException {
    if (disabled != null && disabled.matchesEntry(entry)) {
      return AccountState.DISABLED;
    }
    if (ldap.activeDirectory()) {
      return AccountState.ofActiveDirectory(entry.getAttributeValue("userAccountControl"),
          entry.getAttributeValue("accountExpires"), now);
    }
    return AccountState.ACTIVE;
  }

  private void collect(LDAPConnection connection, DirectorySettings.Ldap ldap, List<String> members,
      Map<DN, DirectoryUser> users, Set<DN> visited, int depth, Set<String> into)
      throws LDAPException, DirectoryUnavailableException {
    for (String member : members) {
      DN dn = dn(member);
      DirectoryUser user = users.get(dn);
      if (user != null) {
        into.add(user.userId());
      } else if (depth < MAX_NESTING && visited.add(dn)) {
        // not one of the source's users: a nested group, or someone outside user-base/user-filter
        List<String> nested = readMembers(connection, ldap, dn);
        if (nested != null) {
          collect(connection, ldap, nested, users, visited, depth + 1, into);
        }
      }
    }
  }

  /**
   * The member DNs of a group, all ranges of them; an empty list for an entry that is no group,
   * null when the entry does not exist.
   */
  private List<String> readMembers(LDAPConnection connection, DirectorySettings.Ldap ldap, DN group)
      throws LDAPException, DirectoryUnavailableException {
    String base = ldap.memberAttribute();
    String requested = base;
    List<String> values = new ArrayList<>();
    boolean isGroup = false;
    for (int round = 0; round < 10_000; round++) {
      SearchRequest request = new SearchRequest(group.toString(), SearchScope.BASE, "(objectClass=*)", requested, "objectClass");
      request.setTimeLimitSeconds(seconds(ldap));
      request.setResponseTimeoutMillis(ldap.timeout().toMillis());
      SearchResult result;
      try {
        result = connection.search(request);
      } catch (LDAPException e) {
        if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
          return null;
        }
        throw e;
      }
      requireComplete(result, "gruppen " + group);
      if (result.getEntryCount() == 0) {
        return null;
      }
      SearchResultEntry entry = result.getSearchEntries().get(0);
      String[] classes = entry.getAttributeValues("objectClass");
      if (classes != null) {
        for (String c : classes) {
          isGroup |= GROUP_CLASSES.contains(c.toLowerCase(Locale.ROOT));
        }
      }
      String next = null;
      for (Attribute attribute : entry.getAttributes()) {
        if (!attribute.getBaseName().equalsIgnoreCase(base)) {
          continue;
        }
        isGroup = true;
        values.addAll(List.of(attribute.getValues()));
        String range = attribute.getOptions().stream().filter(o -> o.toLowerCase(Locale.ROOT).startsWith("range="))
            .findFirst().orElse(null);
        if (range != null) {
          String end = range.substring(range.indexOf('-') + 1);
          if (!end.equals("*")) {
            next = base + ";range=" + (Long.parseLong(end) + 1) + "-*";
          }
        }
      }
      if (next == null) {
        return isGroup ? values : List.of();
      }
      requested = next;
    }
    throw new DirectoryUnavailableException("gruppen " + group + " har fler medlemsintervall än väntat");
  }

  private static void requireComplete(SearchResult result, String what) throws DirectoryUnavailableException {
    if (result.getResultCode() != ResultCode.SUCCESS) {
      throw new DirectoryUnavailableException(what + ": katalogen svarade " + result.getResultCode()
          + (result.getDiagnosticMessage() == null ? "" : " (" + result.getDiagnosticMessage() + ")"));
    }
    String[] referrals = result.getReferralURLs();
    if (result.getReferenceCount() > 0 || (referrals != null && referrals.length > 0)) {
      throw new DirectoryUnavailableException(what + ": katalogen hänvisade till en annan server (referral); "
          + "sätt user-base till en del av katalogen som servern själv har");
    }
  }

  private static int seconds(DirectorySettings.Ldap ldap) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ldap.timeout().toSeconds()));
  }

  private static DN dn(String value) throws DirectoryUnavailableException {
    try {
      return new DN(value);
    } catch (LDAPException e) {
      throw new DirectoryUnavailableException("ogiltigt DN i katalogen: " + value, e);
    }
  }

  private static void attributeNames(Filter filter, Set<String> into) {
    if (filter.getAttributeName() != null) {
      into.add(filter.getAttributeName());
    }
    for (Filter component : filter.getComponents()) {
      attributeNames(component, into);
    }
    if (filter.getNOTComponent() != null) {
      attributeNames(filter.getNOTComponent(), into);
    }
  }

  static String describe(LDAPException e) {
    String code = e.getResultCode() == ResultCode.CONNECT_ERROR || e.getResultCode() == ResultCode.SERVER_DOWN
        ? "katalogen gick inte att nå" : e.getResultCode() == ResultCode.TIMEOUT ? "katalogen svarade inte i tid"
        : e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? "inloggningen mot katalogen (bind-dn) nekades"
        : "katalogen svarade " + e.getResultCode();
    return code + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")");
  }
}
