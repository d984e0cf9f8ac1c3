# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Parallel orders of a customer: the form shows the other open ones (those
the user can see), and an editor merges them as CRM merges opportunities:
notes, bookings, documents, quotations and followers move, the merged
order is kept completed with a link."""

from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.modules.migration import load_script
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import TranslationModuleReader

from .common import FORM_VIEW, USER_GROUPS, ContactOrderCase
from .common_mail import ContactOrderMailCase

MERGE_VIEW = "contact_order.contact_order_merge_view_form"


@tagged("post_install", "-at_install")
@freeze_time("2030-06-01 08:00:00")
class TestMerge(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician_order = cls._create_order(
            user=cls.user, subject="Compressor noise", equipment_id=cls.equipment.id
        )
        cls.sales_order = cls._create_order(user=cls.user, subject="Compressor offer")
        # a colleague's order for the same customer, which the user cannot see
        cls.hidden_order = cls._create_order(user=cls.colleague, subject="Hidden")

    def _merge(self, orders, target, user=None):
        wizard = (
            self.env["contact.order.merge"]
            .with_user(user or self.user)
            .with_context(active_model="contact.order", active_ids=orders.ids)
        )
        form = Form(wizard, view=MERGE_VIEW)
        form.target_id = target
        return form.save().action_merge()

    def test_the_form_shows_open_orders_of_the_same_customer(self):
        order = self.sales_order.with_user(self.user)
        form = Form(order, view=FORM_VIEW)
        self.assertEqual(
            form.duplicate_order_ids[:].ids,
            self.technician_order.ids,
            "the colleague's order is not the user's to see",
        )
        new = Form(self.env["contact.order"].with_user(self.user), view=FORM_VIEW)
        new.subject = "Third contact"
        self.assertFalse(new.duplicate_order_ids[:])
        new.equipment_id = self.equipment
        self.assertEqual(
            set(new.duplicate_order_ids[:].ids),
            {self.technician_order.id, self.sales_order.id},
            "shown before saving, as soon as the customer is known",
        )
        self.technician_order.with_user(self.user).action_complete()
        self.assertFalse(Form(order, view=FORM_VIEW).duplicate_order_ids[:])
        other = self._create_order(user=self.user, partner_id=self.other_customer.id)
        self.assertFalse(
            Form(other.with_user(self.user), view=FORM_VIEW).duplicate_order_ids[:]
        )

    def test_merge_moves_everything_and_keeps_the_merged_completed(self):
        source, target = self.technician_order, self.sales_order
        Note = self.env["contact.order.note"].with_user(self.user)
        note = Note.create({"order_id": source.id, "body": "Bearings worn", "hours": 2})
        Booking = self.env["contact.order.booking"].with_user(self.user)
        planned = Booking.create(
            {
                "order_id": source.id,
                "start": datetime(2030, 6, 10, 8, 0),
                "user_id": self.colleague.id,
            }
        )
        # the colleague's private meeting and to-do: read as the module
        old_event = planned.sudo().calendar_event_id
        old_activity = planned.sudo().activity_id
        # what the assignee adds in Calendar is theirs
        old_event.with_user(self.colleague).location = "Workshop"
        notices = self._activity_notices(self.colleague)
        done = Booking.create({"order_id": source.id, "start": datetime(2030, 5, 1)})
        done.action_done()
        document = self.env["ir.attachment"].create(
            {"name": "photo.jpg", "res_model": "contact.order", "res_id": source.id}
        )
        quotation = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "contact_order_id": source.id}
        )
        follower = self.env["res.partner"].create({"name": "Följare"})
        source.message_subscribe(partner_ids=follower.ids)
        source.description = "<p>From the technician</p>"

        action = self._merge(source | target, target)
        self.assertEqual(action["res_id"], target.id)
        self.assertEqual(note.order_id, target)
        self.assertEqual(target.total_hours, 2)
        self.assertEqual((planned | done).order_id, target)
        self.assertEqual(planned.state, "planned")
        # the colleague's private meeting and to-do move along, as CRM's
        # merge moves meetings, and take the name of the order kept: not made
        # anew, nor told the colleague again
        self.assertEqual(planned.sudo().calendar_event_id, old_event)
        self.assertEqual(planned.sudo().activity_id, old_activity)
        self.assertEqual(old_event.location, "Workshop")
        self.assertEqual(old_event.res_id, target.id)
        self.assertIn(target.name, old_event.name)
        self.assertEqual(old_event.activity_ids, old_activity)
        self.assertEqual(old_activity.res_id, target.id)
        self.assertEqual(old_activity.user_id, self.colleague)
        self.assertIn(target.name, old_activity.summary)
        self.assertEqual(self._activity_notices(self.colleague), notices)
        self.assertIn(self.colleague, target.assignee_ids)
        self.assertEqual(
            (document.res_model, document.res_id), (target._name, target.id)
        )
        self.assertEqual(quotation.contact_order_id, target)
        self.assertIn(follower, target.message_partner_ids)
        self.assertIn("From the technician", target.description)
        self.assertEqual(source.state, "done")
        self.assertEqual(source.merged_into_id, target)
        self.assertFalse(source.note_ids or source.booking_ids)
        self.assertTrue(
            source.message_ids.filtered(lambda m: target.name in str(m.body))
        )
        self.assertTrue(
            target.message_ids.filtered(lambda m: source.name in str(m.body))
        )

    def _activity_notices(self, user):
        return self.env["mail.message"].search_count(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def test_merge_moves_the_chatter_with_its_files(self):
        """Messages move with their files, as CRM's merge moves the history
        (each says which order it comes from), and so do the activities of
        people who may read the order kept; the merge is said on both."""
        source, target = self.technician_order, self.sales_order
        Order = self.env["contact.order"].with_user(self.user)
        offer = self.env["ir.attachment"].create(
            {
                "name": "offer.pdf",
                "raw": b"x",
                "res_model": "contact.order",
                "res_id": source.id,
            }
        )
        message = Order.browse(source.id).message_post(
            body="Offer", attachment_ids=offer.ids, message_type="comment"
        )
        email = Order.browse(source.id).message_post(
            body="Reply", subject="Re: offer", message_type="comment"
        )
        call = source.activity_schedule(
            "mail.mail_activity_data_call", user_id=self.user.id, summary="Call"
        )
        # the colleague cannot read the order kept: their activity stays
        colleagues = source.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.colleague.id
        )

        self._merge(source | target, target)
        self.assertEqual((message.res_id, offer.res_id), (target.id, target.id))
        self.assertEqual(email.res_id, target.id)
        self.assertEqual(message.subject, f"From {source.name}")
        self.assertEqual(email.subject, f"From {source.name}: Re: offer")
        self.assertIn(message, target.with_user(self.user).message_ids)
        self.assertEqual(call.res_id, target.id)
        self.assertEqual(colleagues.res_id, source.id)
        # said after the move: the merged order keeps it
        merged_into = source.message_ids.filtered(lambda m: target.name in str(m.body))
        self.assertTrue(merged_into)
        self.assertNotIn(merged_into, target.message_ids)

    def test_merge_takes_what_the_merged_orders_say_of_the_contact(self):
        """As CRM merges leads: all tags, the highest priority, every
        description (empty ones left out), and the estimated value, follow-up
        date and contact person that the order kept lacks."""
        Tag = self.env["contact.order.tag"]
        compressor, service = (
            Tag.create({"name": "Kompressor"}),
            Tag.create({"name": "Service"}),
        )
        kalle = self.env["res.partner"].create(
            {"name": "Kalle Kund", "parent_id": self.customer.id}
        )
        source, target = self.technician_order, self.sales_order
        source.write(
            {
                "tag_ids": [Command.set((compressor | service).ids)],
                "priority": "3",
                "expected_value": 5000,
                "planned_date": date(2030, 7, 1),
                "contact_partner_id": kalle.id,
                "description": "<p>From the technician</p>",
            }
        )
        target.write(
            {
                "tag_ids": [Command.set(compressor.ids)],
                "priority": "1",
                "description": "<p><br></p>",
            }
        )
        self._merge(source | target, target)
        self.assertEqual(target.tag_ids, compressor | service)
        self.assertEqual(target.priority, "3")
        self.assertEqual(target.expected_value, 5000)
        self.assertEqual(target.planned_date, date(2030, 7, 1))
        self.assertEqual(target.contact_partner_id, kalle)
        self.assertEqual(target.contact_name, "Kalle Kund")
        self.assertEqual(str(target.description), "<p>From the technician</p>")

        # what the order kept has stays; descriptions follow its own
        other = self._create_order(
            user=self.user,
            subject="Third",
            priority="0",
            expected_value=300,
            planned_date=date(2030, 6, 20),
            contact_name="Nina Ny",
            description="<p>A third</p>",
        )
        self._merge(other | target, target)
        self.assertEqual(target.priority, "3")
        self.assertEqual(target.expected_value, 5000)
        self.assertEqual(target.planned_date, date(2030, 7, 1))
        self.assertEqual(target.contact_partner_id, kalle)
        self.assertEqual(
            str(target.description),
            "<p>From the technician</p><br><br><p>A third</p>",
        )

    def test_the_merge_is_said_in_whole_sentences(self):
        """One translatable sentence each, whose translation places the
        link, not words glued in English order."""
        source, target = self.technician_order, self.sales_order
        self._merge(source | target, target)
        for order, text, linked in (
            (source, "Merged into", target),
            (target, "Merged with", source),
        ):
            body = etree.fromstring(str(order.message_ids[0].body))
            self.assertEqual(body.xpath("string()"), f"{text} {linked.display_name}")
            self.assertEqual(body.xpath("//a/@data-oe-id"), [str(linked.id)])
        terms = {
            source
            for _module, ttype, _name, _id, source, *_rest in TranslationModuleReader(
                self.env.cr, modules=["contact_order"]
            )
            if ttype == "code"
        }
        self.assertFalse({"Merged into %s", "Merged with %s"} - terms)

    def test_merged_orders_say_how_they_ended(self):
        source, target = self.technician_order, self.sales_order
        self._merge(source | target, target)
        self.assertEqual(source.outcome, "merged")
        self.assertFalse(source.lost_reason_id)
        self.assertFalse(target.outcome)
        # an outcome of the merge only, not of the Complete dialog
        Complete = self.env["contact.order.complete"].with_user(self.user)
        self.assertNotIn(
            "merged", dict(Complete._fields["outcome"]._description_selection(self.env))
        )
        with self.assertRaises(ValueError):
            Complete.create({"order_id": target.id, "outcome": "merged"})

    def test_a_merged_order_is_not_reopened(self):
        """Its notes, bookings and chatter are on the order kept: reopened,
        it would be an empty duplicate, still saying it was merged."""
        source = self.technician_order
        self._merge(source | self.sales_order, self.sales_order)
        with self.assertRaises(UserError):
            source.with_user(self.user).action_reopen()
        self.assertEqual(source.state, "done")
        self.assertEqual(source.merged_into_id, self.sales_order)
        # nor offered by the form
        arch = etree.fromstring(
            source.with_user(self.user).get_view(self.env.ref(FORM_VIEW).id)["arch"]
        )
        (invisible,) = arch.xpath("//button[@name='action_reopen']/@invisible")
        self.assertTrue(safe_eval(invisible, {"state": "done", "merged_into_id": 1}))
        self.assertFalse(
            safe_eval(invisible, {"state": "done", "merged_into_id": False})
        )

    def test_a_user_who_cannot_read_one_of_the_orders_cannot_merge_it(self):
        note = self.env["contact.order.note"].create(
            {"order_id": self.hidden_order.id, "body": "Colleague's secret"}
        )
        # the dialog does not show it: one order is left, nothing to merge
        with self.assertRaises(UserError):
            self._merge(self.hidden_order | self.sales_order, self.sales_order)
        # its id sent all the same (RPC)
        wizard = (
            self.env["contact.order.merge"]
            .with_user(self.user)
            .create(
                {
                    "order_ids": [(6, 0, (self.hidden_order | self.sales_order).ids)],
                    "target_id": self.sales_order.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_merge()
        # nor into it
        with self.assertRaises(AccessError):
            self.sales_order.with_user(self.user)._merge_into(
                self.hidden_order.with_user(self.user)
            )
        self.assertEqual(note.order_id, self.hidden_order)
        self.assertEqual(self.hidden_order.state, "open")
        self.assertFalse(self.sales_order.merged_into_id)

    def test_merging_needs_edit(self):
        reader = new_test_user(
            self.env,
            login="co_merge_reader",
            groups="base.group_user,contact_order.group_view",
        )
        orders = self.technician_order | self.sales_order
        with self.assertRaises(AccessError):
            self.env["contact.order.merge"].with_user(reader).create(
                {"order_ids": [(6, 0, orders.ids)], "target_id": self.sales_order.id}
            )
        with self.assertRaises(AccessError):
            orders.with_user(reader)._merge_into(self.sales_order)
        self.assertEqual(self.technician_order.state, "open")

    def test_merge_with_several_companies_active(self):
        """A merging user with two companies active, a follower and an
        activity owner (who may read every order) in one of them: each is
        asked in their own companies, and follows and keeps their activity."""
        branch = self.env["res.company"].create({"name": "Filial AB"})
        self.user.company_ids |= branch
        source, target = self.technician_order, self.sales_order
        source.message_subscribe(partner_ids=self.manager.partner_id.ids)
        source.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.manager.id
        )
        self.assertNotIn(branch, self.manager.company_ids)
        both = [self.company.id, branch.id]
        (source | target).with_user(self.user).with_context(
            allowed_company_ids=both
        )._merge_into(
            target.with_user(self.user).with_context(allowed_company_ids=both)
        )
        self.assertEqual(source.merged_into_id, target)
        self.assertIn(self.manager.partner_id, target.message_partner_ids)
        self.assertEqual(target.activity_ids.user_id, self.manager)

    def test_a_meeting_stays_with_its_activity(self):
        """A colleague's meeting activity stays on the merged order (they
        cannot read the order kept), and so does its meeting."""
        source, target = self.technician_order, self.sales_order
        self.assertFalse(target.with_user(self.colleague).has_access("read"))
        activity = source.activity_schedule(
            "mail.mail_activity_data_meeting", user_id=self.colleague.id
        )
        event = self.env["calendar.event"].create(
            {
                "name": "Möte om kompressorn",
                "start": datetime(2030, 6, 12, 8, 0),
                "stop": datetime(2030, 6, 12, 9, 0),
                "res_model_id": self.env["ir.model"]._get_id("contact.order"),
                "res_id": source.id,
                "user_id": self.colleague.id,
                "activity_ids": [Command.link(activity.id)],
            }
        )
        self.assertEqual(activity.user_id, self.colleague)
        self._merge(source | target, target)
        self.assertEqual(activity.res_id, source.id)
        self.assertEqual(event.res_id, source.id)

    def test_upgrade_of_orders_merged_before(self):
        """Before 18.0.1.6.0 a merge set no outcome, and reopening kept the
        link: the upgrade says Merged of the completed ones and unlinks the
        reopened ones, which stay reopenable."""
        script = load_script(
            "contact_order/migrations/18.0.1.6.0/post-merge.py",
            "contact_order_post_merge",
        )
        merged, reopened = self.technician_order, self.sales_order
        merged.action_complete()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE contact_order SET merged_into_id = %s, outcome = NULL "
            "WHERE id IN %s",
            (self.hidden_order.id, (merged.id, reopened.id)),
        )
        script.migrate(self.env.cr, "18.0.1.5.0")
        self.env.invalidate_all()
        self.assertEqual(merged.outcome, "merged")
        self.assertEqual(merged.merged_into_id, self.hidden_order)
        self.assertFalse(reopened.outcome)
        self.assertFalse(reopened.merged_into_id)
        reopened.action_complete()
        reopened.action_reopen()
        self.assertEqual(reopened.state, "open")

    def test_merge_makes_no_follower_who_cannot_read_the_order_kept(self):
        """Followers of a merged order who cannot read the order kept do not
        follow it (its chatter would reach them by email); assignees whose
        bookings moved out of sight stop following the merged one."""
        source = self._create_order(user=self.colleague, subject="Colleague's")
        source.message_subscribe(partner_ids=self.colleague.partner_id.ids)
        outsider = self.env["res.partner"].create({"name": "Kalle Kund"})
        source.message_subscribe(partner_ids=outsider.ids)
        # the user's booking on the colleague's order: the user follows it
        self.env["contact.order.booking"].with_user(self.colleague).create(
            {
                "order_id": source.id,
                "start": datetime(2030, 6, 10, 8, 0),
                "user_id": self.user.id,
            }
        )
        self.assertIn(self.user.partner_id, source.message_partner_ids)
        # the colleague's booking on the order kept: they may read it
        target = self.sales_order
        other = self._create_order(user=self.user, subject="Third")
        self.env["contact.order.booking"].with_user(self.user).create(
            {
                "order_id": other.id,
                "start": datetime(2030, 6, 11, 8, 0),
                "user_id": self.colleague.id,
            }
        )
        self.assertFalse(target.with_user(self.colleague).has_access("read"))

        (source | target).with_user(self.manager)._merge_into(
            target.with_user(self.manager)
        )
        self.assertFalse(target.with_user(self.colleague).has_access("read"))
        self.assertNotIn(self.colleague.partner_id, target.message_partner_ids)
        self.assertIn(outsider, target.message_partner_ids, "not a user: as before")
        # the user's booking moved: the user reads and follows the order kept,
        # and no longer the colleague's
        self.assertIn(self.user.partner_id, target.message_partner_ids)
        self.assertFalse(source.with_user(self.user).has_access("read"))
        self.assertNotIn(self.user.partner_id, source.message_partner_ids)
        self.assertIn(self.colleague.partner_id, source.message_partner_ids)
        # a follower who may read the order kept follows it
        (other | target).with_user(self.manager)._merge_into(
            target.with_user(self.manager)
        )
        self.assertTrue(target.with_user(self.colleague).has_access("read"))
        self.assertIn(self.colleague.partner_id, target.message_partner_ids)

    def test_merge_needs_assign_to_bring_a_colleague_in(self):
        """Moving a colleague's booking makes them an assignee (a reader) of
        the order kept: the right Assign, as booking them there would."""
        editor = new_test_user(
            self.env,
            login="co_merge_editor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        source = self._create_order(user=self.colleague, subject="Colleague's")
        booking = (
            self.env["contact.order.booking"]
            .with_user(self.colleague)
            .create({"order_id": source.id, "start": datetime(2030, 6, 10, 8, 0)})
        )
        target = self.sales_order.with_user(editor)
        with self.assertRaises(AccessError):
            (source | self.sales_order).with_user(editor)._merge_into(target)
        self.assertFalse(self.sales_order.with_user(self.colleague).has_access("read"))
        self.assertEqual(booking.order_id, source)
        self.assertEqual(source.state, "open")
        # a booking of someone already assigned to the order kept needs no more
        booking.with_user(self.colleague).user_id = self.user
        (source | self.sales_order).with_user(editor)._merge_into(target)
        self.assertEqual(booking.sudo().order_id, self.sales_order)

    def test_an_old_booking_of_a_former_colleague_does_not_stop_it(self):
        """Done bookings of a colleague who has no Contact Orders rights left
        and of one who is archived: they read nothing, so bringing them
        along asks neither Assign nor their rights (the merge was refused)."""
        former = new_test_user(self.env, login="co_former", groups=USER_GROUPS)
        source = self._create_order(user=self.user, subject="Old visit")
        bookings = (
            self.env["contact.order.booking"]
            .with_user(self.user)
            .create(
                [
                    {
                        "order_id": source.id,
                        "user_id": user.id,
                        "start": datetime(2030, 5, 10, 8, 0),
                    }
                    for user in (self.colleague, former)
                ]
            )
        )
        bookings.action_done()
        self.colleague.groups_id = [Command.set(self.env.ref("base.group_user").ids)]
        former.active = False
        editor = new_test_user(
            self.env,
            login="co_merge_editor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        for user in (editor, self.user, self.manager):
            with self.subTest(user=user.login):
                target = self._create_order(user=self.user, subject="Kept")
                (source | target).with_user(user)._merge_into(target.with_user(user))
                self.assertEqual(bookings.order_id, target)
                self.assertEqual(source.merged_into_id, target)
                self.assertFalse(target.with_user(self.colleague).has_access("read"))
                source = target
        # a planned one is no old booking: bringing its (archived) assignee
        # in, who reads the order when back, takes Assign
        bookings[1].sudo().state = "planned"
        target = self._create_order(user=self.user, subject="Kept again")
        with self.assertRaises(AccessError):
            (source | target).with_user(editor)._merge_into(target.with_user(editor))
        self.assertEqual(bookings.order_id, source)

    def test_bad_merges(self):
        orders = (self.technician_order | self.sales_order).with_user(self.user)
        with self.assertRaises(UserError):
            self.sales_order.with_user(self.user)._merge_into(self.sales_order)
        other = self._create_order(user=self.user, partner_id=self.other_customer.id)
        with self.assertRaises(UserError):
            (orders | other)._merge_into(self.sales_order)
        self.technician_order.with_user(self.user).action_complete()
        with self.assertRaises(UserError):
            orders._merge_into(self.sales_order)
        with self.assertRaises(UserError):
            self.sales_order.with_user(self.user).write(
                {"merged_into_id": self.technician_order.id}
            )


@tagged("post_install", "-at_install")
class TestMergeMailGateway(ContactOrderMailCase):
    """Emails about a merged order land on the order kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Order = cls.env["contact.order"].with_user(cls.user)
        cls.source = Order.create(
            {"subject": "Compressor noise", "partner_id": cls.customer.id}
        )
        cls.target = Order.create(
            {"subject": "Compressor offer", "partner_id": cls.customer.id}
        )

    def _merge(self):
        (self.source | self.target).with_user(self.user)._merge_into(
            self.target.with_user(self.user)
        )

    def test_reply_to_a_message_of_the_merged_order(self):
        with self.mock_mail_gateway():
            self.source.with_user(self.user).message_post(
                body="Här är offerten.",
                partner_ids=self.contact.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        mail = self._find_mail_mail_wpartners(self.contact, None)
        self._merge()
        landed = self._reply_to(
            mail,
            "Kalle Kund <kalle@verkstad.example>",
            subject="Re: something else entirely",
        )
        self.assertEqual(landed, self.target)
        # a colleague's reply is a note of the order kept
        self._reply_to(mail, "Sara Säljare <sara@mycompany.example>", attachment="")
        self.assertEqual(self.target.note_ids.author_id, self.user)
        self.assertFalse(self.source.note_ids)

    def test_number_of_the_merged_order(self):
        self._merge()
        subject = f"Re: [{self.source.name}] Compressor noise"
        landed = self._receive("Kalle Kund <kalle@verkstad.example>", subject=subject)
        self.assertEqual(landed, self.target)
        self._receive(
            "Sara Säljare <sara@mycompany.example>", subject=subject, attachment=""
        )
        self.assertEqual(self.target.note_ids.author_id, self.user)
        # a colleague who cannot read the order kept is not sent there
        self.target.with_user(self.manager).user_id = self.manager
        landed = self._receive("Sara Säljare <sara@mycompany.example>", subject=subject)
        self.assertEqual(landed, self.source)
