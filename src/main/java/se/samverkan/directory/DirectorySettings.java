package se.samverkan.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The organisation's directories ({@code samverkan.directory.*}): where users, their account state
 * and their functions come from. Each source is one directory (a municipality's Active Directory, the
 * police's) or one SCIM provisioning client; each user id belongs to exactly one source, and a source
 * may fill only the functions it lists in {@code functions}.
 *
 * @param interval how often every LDAP source is synced (default one minute)
 * @param sources the sources by id (ASCII, lowercase, at most 64 characters)
 */
@ConfigurationProperties("samverkan.directory")
public record DirectorySettings(Duration interval, Map<String, Source> sources) {

  public DirectorySettings {
    interval = interval == null ? Duration.ofMinutes(1) : interval;
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  public enum Kind { LDAP, SCIM }

  /**
   * One source.
   *
   * @param kind LDAP (Samverkan reads the directory) or SCIM (the provider pushes to Samverkan)
   * @param name the source's name for people ("Lycksele kommuns katalog")
   * @param functions function (Camunda group id) → the directory group that gives it: an LDAP group
   *     DN or, for SCIM, the group's displayName. Only these functions may this source fill.
   * @param ldap the connection and schema of an LDAP source
   * @param valve when a sync is held instead of applied
   * @param municipalities the municipalities (slugs) whose functions this source may fill (samordnare,
   *     kommunledning, EST actors of that municipality)
   * @param lpos the local police areas (slugs) whose functions this source may fill (kommunpolis,
   *     lpochef); a municipality's directory lists none
   * @param globalFunctions the global functions (e.g. processagare, lansstyrelsen) this source may fill;
   *     never camunda-admin. Startup is refused when {@code functions} names anything outside these
   *     three lists ({@link SourceRules}).
   * @param scim how a SCIM source's provisioning client authenticates
   */
  public record Source(Kind kind, String name, Map<String, String> functions, Ldap ldap, Valve valve,
      List<String> municipalities, List<String> lpos, List<String> globalFunctions, Scim scim) {

    @ConstructorBinding
    public Source {
      kind = kind == null ? Kind.LDAP : kind;
      functions = functions == null ? Map.of() : Map.copyOf(functions);
      valve = valve == null ? Valve.defaults() : valve;
      municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
      lpos = lpos == null ? List.of() : List.copyOf(lpos);
      globalFunctions = globalFunctions == null ? List.of() : List.copyOf(globalFunctions);
    }

    /** A source without SCIM settings (every LDAP source). */
    public Source(Kind kind, String name, Map<String, String> functions, Ldap ldap, Valve valve,
        List<String> municipalities, List<String> lpos, List<String> globalFunctions) {
      this(kind, name, functions, ldap, valve, municipalities, lpos, globalFunctions, null);
    }

    /** A source that may fill nothing until its scopes are given (the shape before the scopes). */
    public Source(Kind kind, String name, Map<String, String> functions, Ldap ldap, Valve valve) {
      this(kind, name, functions, ldap, valve, null, null, null, null);
    }
  }

  /**
   * An LDAP directory.
   *
   * @param url ldap:// (with {@code startTls}) or ldaps://; prod refuses plain ldap:// without StartTLS
   * @param startTls upgrade a plain connection with StartTLS (system trust store)
   * @param bindDn the service account Samverkan reads with
   * @param bindPassword its password
   * @param userBase where users are searched
   * @param userFilter which entries are users, e.g. {@code (&(objectClass=user)(objectCategory=person))}
   * @param userIdAttribute e.g. sAMAccountName (AD) or uid; at most 64 characters, else refused
   * @param firstNameAttribute e.g. givenName
   * @param lastNameAttribute e.g. sn
   * @param emailAttribute e.g. mail
   * @param activeDirectory read AD's account state (userAccountControl, accountExpires), range
   *     retrieval of large {@code member} attributes, nested groups
   * @param pageSize paged results size
   * @param timeout connect and response timeout
   * @param memberAttribute the groups' member attribute holding member DNs: member (AD, groupOfNames,
   *     the default) or uniqueMember (groupOfUniqueNames); a member that is a group is followed (nested)
   * @param disabledFilter optional: users matching this LDAP filter are DISABLED, e.g. OpenLDAP's
   *     {@code (pwdAccountLockedTime=*)}; matched by Samverkan on the entries it read
   */
  public record Ldap(String url, Boolean startTls, String bindDn, String bindPassword, String userBase,
      String userFilter, String userIdAttribute, String firstNameAttribute, String lastNameAttribute,
      String emailAttribute, Boolean activeDirectory, Integer pageSize, Duration timeout,
      String memberAttribute, String disabledFilter) {

    @ConstructorBinding
    public Ldap {
      startTls = startTls != null && startTls;
      userFilter = userFilter == null ? "(objectClass=person)" : userFilter;
      userIdAttribute = userIdAttribute == null ? "uid" : userIdAttribute;
      firstNameAttribute = firstNameAttribute == null ? "givenName" : firstNameAttribute;
      lastNameAttribute = lastNameAttribute == null ? "sn" : lastNameAttribute;
      emailAttribute = emailAttribute == null ? "mail" : emailAttribute;
      activeDirectory = activeDirectory != null && activeDirectory;
      pageSize = pageSize == null ? 500 : pageSize;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      memberAttribute = memberAttribute == null || memberAttribute.isBlank() ? "member" : memberAttribute;
      disabledFilter = disabledFilter == null || disabledFilter.isBlank() ? null : disabledFilter;
    }

    /** The shape before memberAttribute and disabledFilter. */
    public Ldap(String url, Boolean startTls, String bindDn, String bindPassword, String userBase,
        String userFilter, String userIdAttribute, String firstNameAttribute, String lastNameAttribute,
        String emailAttribute, Boolean activeDirectory, Integer pageSize, Duration timeout) {
      this(url, startTls, bindDn, bindPassword, userBase, userFilter, userIdAttribute, firstNameAttribute,
          lastNameAttribute, emailAttribute, activeDirectory, pageSize, timeout, null, null);
    }

    /** Without the bind password, which must never reach a log. */
    @Override
    public String toString() {
      return "Ldap[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + ", userBase=" + userBase + "]";
    }

    /** Whether the connection is protected by TLS (ldaps:// or StartTLS). */
    public boolean usesTls() {
      return startTls || (url != null && url.toLowerCase(java.util.Locale.ROOT).startsWith("ldaps://"));
    }
  }

  /**
   * A SCIM 2.0 source: the provider (Entra ID's provisioning, another identity provider) pushes
   * users, groups and deactivations to {@code /scim/v2/<source id>/}, authenticated by this bearer
   * token (Entra ID: "Secret Token"). At least 32 characters, from the environment, never in a file
   * under version control; Samverkan refuses to start with a shorter one.
   */
  public record Scim(String token) {

    /** Without the token, which must never reach a log. */
    @Override
    public String toString() {
      return "Scim[token=" + (token == null ? "saknas" : "***") + "]";
    }
  }

  /**
   * The mass-removal valve: a sync that would remove more than {@code maxRemovals} holders and more
   * than {@code maxShare} of all the source's holders at once is held (logged, mailed to the
   * administrators) instead of applied. Both must be exceeded, so one person leaving a one-holder
   * function is never held.
   */
  public record Valve(Integer maxRemovals, Double maxShare) {
    public Valve {
      maxRemovals = maxRemovals == null ? 5 : maxRemovals;
      maxShare = maxShare == null ? 0.2 : maxShare;
    }

    static Valve defaults() {
      return new Valve(null, null);
    }
  }

  /** The sources of the given kind. */
  public List<Map.Entry<String, Source>> sourcesOf(Kind kind) {
    return sources.entrySet().stream().filter(e -> e.getValue().kind() == kind).sorted(Map.Entry.comparingByKey()).toList();
  }
}
