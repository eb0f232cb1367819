package org.convene.accounts.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** The web sessions of a staff account, found through Spring Session's principal-name index. */
@Service
public class StaffSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account except {@code keepSessionId} (which may be null). Returns how many ended. */
    public int endSessions(String email, String keepSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    public int count(String email) {
        return sessions.findByPrincipalName(email).size();
    }
}
