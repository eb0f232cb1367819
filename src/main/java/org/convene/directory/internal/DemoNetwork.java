package org.convene.directory.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.AuditLog;
import org.convene.accounts.StaffDirectory;
import org.convene.accounts.StaffRole;
import org.convene.directory.DemoProperties;
import org.convene.directory.internal.Records.Body;
import org.convene.directory.internal.Records.NetworkProfile;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.Records.PartnerProject;
import org.convene.directory.internal.Records.Region;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.TranslatedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.convene.directory.DemoNetworkLoaded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fictional, viewpoint-neutral network for trying Convene out ({@code convene.demo.enabled=true},
 * or {@code CONVENE_DEMO=true}). Loaded only into an empty directory, so a second start changes nothing.
 */
@Service
public class DemoNetwork {

    public static final String ADMIN_EMAIL = "demo-admin@example.org";
    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private final DemoProperties properties;
    private final OrganizationStore organizations;
    private final StructureStore structure;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher publisher;

    DemoNetwork(DemoProperties properties, OrganizationStore organizations, StructureStore structure, StaffDirectory staff,
                AuditLog audit, PlatformProperties platform, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.properties = properties;
        this.organizations = organizations;
        this.structure = structure;
        this.staff = staff;
        this.audit = audit;
        this.platform = platform;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (properties.enabled()) {
            load();
        }
    }

    /** Loads the demo network when the directory is empty; returns whether it did. */
    @Transactional
    public boolean load() {
        if (organizations.count() > 0 || !structure.regions(true).isEmpty()) {
            return false;
        }
        structure.saveNetwork(new NetworkProfile("Common Ground Network", new TranslatedText("en", Map.of(
                "en", "A fictional network of neighbourhood associations, cooperatives and learning circles that share what works.",
                "es", "Una red ficticia de asociaciones vecinales, cooperativas y círculos de aprendizaje que comparten lo que funciona.",
                "fr", "Un réseau fictif d'associations de quartier, de coopératives et de cercles d'apprentissage qui partagent ce qui marche.",
                "ar", "شبكة خيالية من جمعيات الأحياء والتعاونيات وحلقات التعلم تتبادل ما ينجح.")),
                null, "hello@example.org", "https://example.org", "@commonground@social.example"));
        Map<String, Long> regions = new HashMap<>();
        int order = 10;
        for (String[] r : REGIONS) {
            regions.put(r[0], structure.insertRegion(new Region(0, new TranslatedText("en", Map.of(
                    "en", r[1], "es", r[2], "fr", r[3], "pt", r[4], "id", r[5], "ar", r[6])), r[0], order, true)));
            order += 10;
        }
        Map<String, Long> ids = new HashMap<>();
        int day = 0;
        for (String[] o : ORGANIZATIONS) {
            TranslatedText description = TranslatedText.of(o[5], o[6]);
            if (o.length > 7) {
                description = description.with("en", o[7]);
            }
            long id = organizations.insert(new Organization(0, o[0], o[1], Checks.slug(o[0], organizations::slugTaken), o[2],
                    regions.get(o[3]), List.of(o[4].split(" ")), "https://example.org/" + o[1].toLowerCase(),
                    "@" + o[1].toLowerCase() + "@social.example", description, null,
                    o[1].equals("QHG") ? "SUSPENDED" : "ACTIVE", LocalDate.of(2015, 1, 15).plusDays(day += 97)));
            ids.put(o[1], id);
        }
        long committee = structure.insertBody(new Body(0, "Coordinating Committee", "coordinating-committee", new TranslatedText("en", Map.of(
                "en", "Elected by the assembly, the committee prepares meetings and keeps the network's work moving between assemblies.",
                "fr", "Élu par l'assemblée, le comité prépare les réunions et fait avancer le travail du réseau entre deux assemblées.",
                "es", "Elegido por la asamblea, el comité prepara las reuniones y mantiene el trabajo de la red entre asambleas.")), true));
        String[][] members = {{"OLH", "CHAIR"}, {"RHC", "VICE_CHAIR"}, {"ADC", "SECRETARY"}, {"RCA", "TREASURER"},
                {"AYN", "MEMBER"}, {"PCN", "MEMBER"}, {"RMV", "MEMBER"}, {"NLCF", "OBSERVER"}};
        for (String[] m : members) {
            structure.putMember(committee, ids.get(m[0]), m[1]);
        }
        structure.insertProject(new PartnerProject(0, "Shared Seeds Exchange", "shared-seeds-exchange", new TranslatedText("en", Map.of(
                "en", "Member gardens swap seeds and growing notes each season.",
                "pt", "As hortas dos membros trocam sementes e notas de cultivo a cada estação.")),
                "https://example.org/seeds", true, List.of(ids.get("RHC"), ids.get("RMV"), ids.get("NDG"), ids.get("GVCU"))));
        audit.record("directory.demo.loaded", "network", null, ORGANIZATIONS.length + " organizations");
        createDemoAdmin();
        publisher.publishEvent(new DemoNetworkLoaded(committee));
        return true;
    }

    private void createDemoAdmin() {
        if (staff.emailTaken(ADMIN_EMAIL)) {
            log.warn("Demo network loaded; the demo admin {} exists already", ADMIN_EMAIL);
            return;
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        staff.createAccount(ADMIN_EMAIL, "Demo admin", password, StaffRole.NETWORK_ADMIN, null);
        log.warn("""

                ******************************************************************
                  The demo network "Common Ground Network" is loaded.
                  Log in at {} as the demo network admin:
                    e-mail:   {}
                    password: {}
                ******************************************************************
                """, platform.link("/login"), ADMIN_EMAIL, password);
    }

    private static final String[][] REGIONS = {
            {"africa", "Africa", "África", "Afrique", "África", "Afrika", "أفريقيا"},
            {"asia-pacific", "Asia and the Pacific", "Asia y el Pacífico", "Asie et Pacifique", "Ásia e Pacífico", "Asia dan Pasifik", "آسيا والمحيط الهادئ"},
            {"europe", "Europe", "Europa", "Europe", "Europa", "Eropa", "أوروبا"},
            {"latin-america", "Latin America and the Caribbean", "América Latina y el Caribe", "Amérique latine et Caraïbes",
                    "América Latina e Caribe", "Amerika Latin dan Karibia", "أمريكا اللاتينية والكاريبي"},
            {"middle-east-north-africa", "Middle East and North Africa", "Oriente Medio y Norte de África", "Moyen-Orient et Afrique du Nord",
                    "Oriente Médio e Norte da África", "Timur Tengah dan Afrika Utara", "الشرق الأوسط وشمال أفريقيا"},
            {"north-america", "North America", "América del Norte", "Amérique du Nord", "América do Norte", "Amerika Utara", "أمريكا الشمالية"},
    };

    /** name, short name, country, region, languages, description language, description[, English description]. */
    private static final String[][] ORGANIZATIONS = {
            {"Riverbend Community Association", "RCA", "KE", "africa", "sw en", "en", "Neighbours along the river who run a tool library and a weekly market."},
            {"Sahel Neighbourhood Collective", "SNC", "SN", "africa", "fr wo", "fr", "Un collectif de quartiers qui organise des jardins partagés et des cours du soir."},
            {"Green Valley Cooperative Union", "GVCU", "GH", "africa", "en", "en", "A union of small cooperatives that pool storage and transport."},
            {"Baobab Learning Circle", "BLC", "TZ", "africa", "sw en", "en", "Study groups that meet under the old baobab and online."},
            {"Coastal Villages Forum", "CVF", "MZ", "africa", "pt", "pt", "Um fórum de aldeias costeiras que partilham conhecimentos sobre pesca e reparação de barcos."},
            {"Archipelago Youth Network", "AYN", "ID", "asia-pacific", "id en", "id", "Jaringan anak muda dari berbagai pulau yang mengadakan lokakarya dan pertukaran budaya.",
                    "Young people from many islands who hold workshops and cultural exchanges."},
            {"Monsoon Farmers Alliance", "MFA", "IN", "asia-pacific", "hi en", "en", "Farmers who share weather notes, seeds and machinery through the rainy season."},
            {"Harbour Lights Association", "HLA", "PH", "asia-pacific", "tl en", "en", "A harbour-side association running a night school and a reading room."},
            {"Island Commons Trust", "ICT", "FJ", "asia-pacific", "en", "en", "Looks after shared land and a community hall."},
            {"Mountain Path Society", "MPS", "NP", "asia-pacific", "ne en", "en", "Keeps mountain paths open and runs a small guest house for visiting members."},
            {"Lotus Pond Collective", "LPC", "TH", "asia-pacific", "th en", "en", "A collective of craft workshops that share a shop and a website."},
            {"Northern Lights Civic Forum", "NLCF", "NO", "europe", "no en", "en", "Hosts public evenings on local questions, with childcare and interpretation."},
            {"Old Bridge Neighbours", "OBN", "PT", "europe", "pt", "pt", "Vizinhos da ponte velha que mantêm uma cozinha comunitária e uma biblioteca de ferramentas."},
            {"Meadowlands Cooperative", "MC", "NL", "europe", "nl en", "en", "A housing cooperative with a shared workshop and garden."},
            {"Atelier des Communes", "ADC", "FR", "europe", "fr", "fr", "Un atelier partagé où les habitants réparent, apprennent et se rencontrent.",
                    "A shared workshop where residents repair things, learn and meet."},
            {"Calle Mayor Asociación Vecinal", "CMAV", "ES", "europe", "es ca", "es", "Asociación vecinal que organiza fiestas de barrio y un banco de tiempo."},
            {"Red de Huertos Comunitarios", "RHC", "MX", "latin-america", "es", "es", "Una red de huertos comunitarios que intercambia semillas y saberes.",
                    "A network of community gardens exchanging seeds and know-how."},
            {"Rede Mata Viva", "RMV", "BR", "latin-america", "pt", "pt", "Rede de grupos locais que cuidam de viveiros de árvores e trilhas."},
            {"Andes Water Circle", "AWC", "PE", "latin-america", "es qu", "es", "Comunidades andinas que cuidan juntas sus fuentes de agua."},
            {"Colectivo Río Claro", "CRC", "CO", "latin-america", "es", "es", "Colectivo que organiza limpiezas del río y talleres para niñas y niños."},
            {"Pampa Open Library", "POL", "AR", "latin-america", "es", "es", "Biblioteca abierta con préstamo de libros, juegos y herramientas."},
            {"Oasis Learning House", "OLH", "JO", "middle-east-north-africa", "ar en", "ar", "بيت تعلّم مجتمعي ينظم دروسًا مسائية ومكتبة مفتوحة للجيران.",
                    "A community learning house with evening classes and an open library for neighbours."},
            {"Cedar Grove Association", "CGA", "LB", "middle-east-north-africa", "ar fr", "ar", "جمعية تعتني بحديقة عامة وتنظم أيامًا للعمل التطوعي."},
            {"Atlas Mountain Collective", "AMC", "MA", "middle-east-north-africa", "ar fr", "fr", "Un collectif de villages de montagne qui partagent un moulin et une coopérative."},
            {"Nile Delta Growers", "NDG", "EG", "middle-east-north-africa", "ar", "ar", "مزارعون صغار في الدلتا يتبادلون البذور والخبرات."},
            {"Desert Bloom Forum", "DBF", "TN", "middle-east-north-africa", "ar fr", "ar", "منتدى يجمع مبادرات محلية حول الحِرف والتعليم."},
            {"Prairie Commons Network", "PCN", "CA", "north-america", "en fr", "en", "Small towns on the prairie sharing a mobile library and a tool bus."},
            {"Lakeside Tenants Union", "LTU", "US", "north-america", "en es", "en", "Tenants around the lake who meet monthly and run a repair café."},
            {"Maple Street Cooperative", "MSC", "CA", "north-america", "fr en", "fr", "Une coopérative de quartier qui gère une épicerie et une salle commune."},
            {"Quiet Harbor Group", "QHG", "US", "north-america", "en", "en", "A harbour group whose membership is suspended while it reorganizes."},
    };
}
