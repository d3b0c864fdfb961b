package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.security.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin order pages' guard in a slice, with the producer's real UI security chain (see {@link WebSlice}): a
 * shopper is refused, a visitor is sent to sign in, and neither reaches the controller. Its collaborators are Mockito
 * doubles that must never be called: the real ones need the broker and the read side, which a slice does not start.
 */
@WebMvcTest(controllers = AdminOrdersController.class)
@Import(WebSlice.class)
class AdminOrdersPageWebTest {

    private static final String SHOPPER = "slice-page-shopper";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @MockitoBean
    Orders orders;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    LinePlanner planner;

    @MockitoBean
    CommandSender sender;

    @BeforeEach
    void shopper() {
        WebSlice.register(accounts, SHOPPER, "correct horse battery");
    }

    @Test
    void a_shopper_may_not_see_the_admin_order_list() throws Exception {
        mvc.perform(get("/admin/orders").with(user(SHOPPER).roles("USER")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(orders, catalogue, planner, sender);
    }

    @Test
    void a_shopper_may_not_fulfil_an_order_from_the_admin_pages() throws Exception {
        mvc.perform(post("/admin/orders/o-1/fulfil").with(user(SHOPPER).roles("USER")).with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(orders, catalogue, planner, sender);
    }

    @Test
    void a_visitor_is_sent_to_sign_in() throws Exception {
        mvc.perform(get("/admin/orders"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(orders, catalogue, planner, sender);
    }
}
