//! Static material for people, groups and where they work from.

#[rustfmt::skip]
pub(crate) const FIRST_NAMES: &[&str] = &[
    "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "William", "Linda", "David",
    "Elizabeth", "Richard", "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Charles", "Sarah",
    "Christopher", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark",
    "Sandra", "Steven", "Ashley", "Paul", "Emily", "Andrew", "Michelle", "Joshua", "Amanda",
    "Kevin", "Melissa", "Brian", "Stephanie", "George", "Rebecca", "Timothy", "Laura", "Ronald",
    "Sharon", "Jason", "Cynthia", "Ryan", "Kathleen", "Jacob", "Amy", "Gary", "Angela", "Nicholas",
    "Anna", "Eric", "Brenda", "Jonathan", "Pamela", "Noa", "Yael", "Avi", "Tamar", "Itai", "Maya",
    "Omer", "Shira", "Lukas", "Lea", "Jonas", "Hannah", "Felix", "Mia", "Matthias", "Sophie",
    "Pierre", "Camille", "Julien", "Chloé", "Antoine", "Manon", "Luca", "Giulia", "Marco",
    "Francesca", "Alejandro", "Lucía", "Javier", "Carmen", "Diego", "Sofía", "João", "Beatriz",
    "Rafael", "Mariana", "Arjun", "Priya", "Rahul", "Ananya", "Vikram", "Deepika", "Sanjay",
    "Kavya", "Wei", "Li", "Jun", "Mei", "Hiroshi", "Yuki", "Takeshi", "Sakura", "Min-jun", "Ji-woo",
    "Oliver", "Amelia", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Isla", "Mateo", "Zoe",
    "Kwame", "Amara", "Tunde", "Zanele", "Omar", "Layla", "Youssef", "Fatima", "Erik", "Astrid",
    "Lars", "Ingrid", "Piotr", "Katarzyna", "Jan", "Eva", "Dmitri", "Olga", "Sean", "Siobhan",
];

#[rustfmt::skip]
pub(crate) const LAST_NAMES: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
    "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
    "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
    "Mitchell", "Carter", "Roberts", "Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman",
    "Shapiro", "Katz", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Hoffmann", "Dubois", "Lefebvre", "Moreau", "Laurent", "Rossi", "Russo", "Ferrari",
    "Esposito", "Bianchi", "Fernández", "González", "Ruiz", "Silva", "Santos", "Oliveira",
    "Pereira", "Costa", "Sharma", "Patel", "Gupta", "Iyer", "Reddy", "Nair", "Kumar", "Singh",
    "Wang", "Zhang", "Chen", "Liu", "Yang", "Tanaka", "Suzuki", "Sato", "Takahashi", "Kim", "Park",
    "Choi", "O'Brien", "Murphy", "Kelly", "Walsh", "Byrne", "Andersson", "Johansson", "Larsen",
    "Nielsen", "Kowalski", "Nowak", "Novák", "Ivanov", "Petrov", "Mensah", "Okafor", "Adeyemi",
    "Haddad", "Khalil", "Mansour", "Van der Berg", "De Vries", "Jansen",
];

/// Department-like group names; a provider's groups are drawn from these, Azure AD ones get
/// the `SG-` prefix its admins like.
#[rustfmt::skip]
pub(crate) const GROUP_NAMES: &[&str] = &[
    "Engineering", "Finance", "Human Resources", "Sales", "Marketing", "Customer Support",
    "Legal", "IT Operations", "Security Operations", "DevOps", "Site Reliability", "Data Science",
    "Product Management", "Design", "QA", "Procurement", "Facilities", "Executive Staff",
    "Contractors", "Interns", "Partners", "Helpdesk", "Network Admins", "Database Admins",
    "Backend Developers", "Frontend Developers", "Mobile Developers", "Platform Team",
    "Release Managers", "Sales EMEA", "Sales APAC", "Sales Americas", "Support Tier 1",
    "Support Tier 2", "Support Tier 3", "Payroll", "Treasury", "Audit", "Compliance",
    "Research", "Analytics", "Business Intelligence", "Field Engineers", "Solution Architects",
    "Professional Services", "Training", "Recruiting", "Office Managers", "SOC Analysts",
    "Incident Response", "Cloud Engineering", "Build Infrastructure", "Test Automation",
    "Documentation", "Localization", "Customer Success", "Account Managers", "Channel Sales",
    "Executive Assistants", "Board Members", "Vendors", "Offshore Developers", "On-Call",
    "VPN Legacy Users", "Jenkins Admins", "Kubernetes Admins", "Finance Approvers",
    "GitLab Maintainers", "SAP Users", "Salesforce Admins", "Jira Admins", "Grafana Viewers",
];

/// Generic SAML (SCIM-provisioned) users are contractors from these firms.
pub(crate) const PARTNER_DOMAINS: &[&str] = &[
    "globex-consulting.com",
    "initech.io",
    "umbrella-partners.com",
    "hooli-services.net",
];

/// Personal mail providers for local users' notification addresses.
pub(crate) const PERSONAL_DOMAINS: &[&str] =
    &["gmail.com", "outlook.com", "yahoo.com", "proton.me"];

/// (city, country, country code, latitude, longitude, UTC offset in hours during the month,
/// public address prefix, weight).
pub(crate) type CityRow = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    i64,
    &'static str,
    u32,
);

#[rustfmt::skip]
pub(crate) const CITIES: &[CityRow] = &[
    ("New York", "United States", "US", 40.71, -74.01, -5, "68.180", 14),
    ("San Francisco", "United States", "US", 37.77, -122.42, -8, "73.202", 10),
    ("Chicago", "United States", "US", 41.88, -87.63, -6, "98.213", 6),
    ("Austin", "United States", "US", 30.27, -97.74, -6, "70.112", 4),
    ("Toronto", "Canada", "CA", 43.65, -79.38, -5, "142.113", 6),
    ("London", "United Kingdom", "GB", 51.51, -0.13, 0, "81.102", 12),
    ("Frankfurt am Main", "Germany", "DE", 50.11, 8.68, 1, "87.128", 9),
    ("Berlin", "Germany", "DE", 52.52, 13.40, 1, "91.64", 5),
    ("Paris", "France", "FR", 48.86, 2.35, 1, "90.84", 6),
    ("Amsterdam", "Netherlands", "NL", 52.37, 4.90, 1, "145.53", 4),
    ("Madrid", "Spain", "ES", 40.42, -3.70, 1, "83.44", 3),
    ("Milan", "Italy", "IT", 45.46, 9.19, 1, "93.41", 3),
    ("Stockholm", "Sweden", "SE", 59.33, 18.07, 1, "85.224", 2),
    ("Warsaw", "Poland", "PL", 52.23, 21.01, 1, "89.64", 3),
    ("Tel Aviv", "Israel", "IL", 32.09, 34.78, 2, "84.108", 8),
    ("Jerusalem", "Israel", "IL", 31.50, 34.75, 2, "213.12", 3),
    ("Bangalore", "India", "IN", 12.97, 77.59, 5, "106.51", 8),
    ("Mumbai", "India", "IN", 19.08, 72.88, 5, "49.36", 3),
    ("Singapore", "Singapore", "SG", 1.35, 103.82, 8, "116.87", 4),
    ("Tokyo", "Japan", "JP", 35.68, 139.69, 9, "126.15", 4),
    ("Sydney", "Australia", "AU", -33.87, 151.21, 11, "101.160", 4),
    ("São Paulo", "Brazil", "BR", -23.55, -46.63, -3, "177.96", 3),
];

/// (raw user agent, browser, major version, browser type, device type, platform,
/// platform version, weight).
pub(crate) type AgentRow = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
);

#[rustfmt::skip]
pub(crate) const USER_AGENTS: &[AgentRow] = &[
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Chrome", 124, "Browser", "Desktop", "Windows", "10", 30),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Chrome", 124, "Browser", "Desktop", "Mac OS X", "10.15.7", 20),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", "Safari", 17, "Browser", "Desktop", "Mac OS X", "10.15.7", 8),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67", "Edge", 124, "Browser", "Desktop", "Windows", "10", 15),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox", 125, "Browser", "Desktop", "Linux", "x86_64", 6),
    ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Safari/537.36", "Chrome", 83, "Browser", "Desktop", "Linux", "Intel x86_64", 3),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "Mobile Safari", 17, "Browser", "Mobile", "iOS", "17.4", 6),
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36", "Chrome Mobile", 124, "Browser", "Mobile", "Android", "14", 4),
    ("SSH-2.0-OpenSSH_9.6", "OpenSSH", 9, "Application", "Desktop", "Linux", "", 5),
    ("Microsoft Remote Desktop/10.9.7", "Remote Desktop", 10, "Application", "Desktop", "Mac OS X", "14.4", 3),
];
