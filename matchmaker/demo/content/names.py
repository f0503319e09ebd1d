"""Common given names and surnames in the UK, from which pseudonyms are drawn."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES: tuple[str, ...] = _words(
    """
    Aaron Abigail Adam Adrian Aisha Alan Alex Alice Alison Amanda Amara Amelia Amir Amy
    Andrew Angela Anil Anna Anthony Anya Arjun Asif Barbara Ben Beth Bilal Bronwen Callum
    Cameron Carl Caroline Catherine Charlotte Chloe Chris Claire Colin Connor Craig Daisy
    Dan Darren Dawn Declan Deepa Dev Diane Dylan Eilidh Eleanor Elena Elliot Emily Emma Eoin
    Erin Ewan Faisal Farah Fatima Fiona Finlay Freya Gareth Gemma Georgia Gill Graham Grace
    Hamza Hannah Harriet Harvey Hayley Heather Helen Holly Iain Imogen Imran Isla Jack Jade
    Jamal Jamie Jasmine Jason Jenna Jennifer Joanne Joel Jonathan Josh Judith Julie Kamal
    Karen Kate Keith Kerry Kiran Kirsty Laura Lauren Leah Leon Liam Lindsay Lisa Lucy Luke
    Lydia Mairi Maria Mark Martin Maya Megan Mei Michelle Mohammed Molly Morgan Nadia Naomi
    Natalie Neil Niamh Nikhil Nicola Oliver Olivia Omar Owen Paul Philippa Poppy Priya
    Rachel Rahul Rebecca Rhys Rory Rosie Ruth Ryan Saira Sam Sana Sara Seren Shauna Shona
    Simon Siobhan Sophie Stuart Tariq Tessa Theo Tom Tomos Tracey Usman Vikram Wendy Will
    Yasmin Yusuf Zara Zoe
    """
)

LAST_NAMES: tuple[str, ...] = _words(
    """
    Abbott Adams Ahmed Akhtar Ali Allen Anderson Armstrong Atkinson Bailey Baker Ball Banks
    Barker Barnes Bates Begum Bell Bennett Bevan Bibi Bird Bishop Black Booth Bowen Bradley
    Brennan Briggs Brooks Brown Burns Butler Byrne Campbell Carr Carter Chapman Chaudhry
    Clarke Cole Collins Cook Cooper Cox Crawford Cunningham Dale Davies Dawson Dixon Doherty
    Douglas Duffy Duncan Edwards Ellis Evans Farrell Ferguson Fisher Fleming Fletcher Ford
    Foster Fraser Gallagher Gibson Gill Gordon Graham Grant Gray Green Griffiths Hall
    Hamilton Harper Harris Harrison Hart Hayes Henderson Hill Holmes Hope Howard Hughes Hunt
    Hussain Iqbal Jackson James Jenkins Johnson Johnston Jones Kaur Kelly Kennedy Khan King
    Knight Lamb Lane Lawson Lee Lewis Lloyd Lynch MacDonald Mahmood Marsh Marshall Martin
    Mason Matthews McCann McGregor McKenzie McLean Miah Miller Mills Mistry Mitchell Moore
    Morgan Morris Morrison Munro Murphy Murray Nash Nelson Nicholson Norris O'Brien O'Neill
    Osborne Owen Palmer Parker Parry Patel Payne Pearce Pearson Perry Phillips Powell Price
    Pritchard Quinn Rahman Rees Reid Reynolds Richards Roberts Robertson Robinson Rogers
    Rose Ross Russell Ryan Saunders Scott Shah Sharma Sharp Shaw Simpson Sinclair Singh
    Smith Spencer Stevens Stewart Sutherland Taylor Thomas Thompson Thomson Turner Vaughan
    Walker Wallace Walsh Ward Watson Watts Webb Wells West White Wilkinson Williams Wilson
    Wood Woods Wright Young
    """
)
